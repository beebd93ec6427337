package dev.saasusers.common.http;

import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.InvocationHandlerFactory.MethodHandler;
import feign.RetryableException;
import feign.Target;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.util.Arrays;
import java.util.Map;

/**
 * The outermost layer of every generated-interface method: runs the call through the client's
 * {@link RetryLoop}, one Feign invocation per {@link Attempt}, and makes sure only
 * {@link SdkException}s reach the caller, never a Feign or Jackson exception.
 *
 * <p>The attempt reaches the transport as the invocation's {@link feign.Request.Options}
 * argument: Feign takes an {@code Options} found among the arguments as that request's
 * options, and builds the request from the declared parameters only.
 */
final class CallHandler implements InvocationHandler {
  private final Map<Method, MethodHandler> dispatch;
  private final VendorProfile vendor;
  private final RetryLoop loop;
  private final SecretRegistry secrets;
  /** Set for a one-attempt view: every call is this attempt, with no retry. */
  private final Attempt boundAttempt;

  private CallHandler(Map<Method, MethodHandler> dispatch, VendorProfile vendor, RetryLoop loop,
      SecretRegistry secrets, Attempt boundAttempt) {
    this.dispatch = dispatch;
    this.vendor = vendor;
    this.loop = loop;
    this.secrets = secrets;
    this.boundAttempt = boundAttempt;
  }

  /** Plugs the handler into Feign's builder. */
  static final class Factory implements InvocationHandlerFactory {
    private final VendorProfile vendor;
    private final RetryLoop loop;
    private final SecretRegistry secrets;
    private volatile CallHandler created;

    Factory(VendorProfile vendor, RetryLoop loop, SecretRegistry secrets) {
      this.vendor = vendor;
      this.loop = loop;
      this.secrets = secrets;
    }

    @Override
    public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
      CallHandler handler = new CallHandler(dispatch, vendor, loop, secrets, null);
      created = handler;
      return handler;
    }

    /** {@return the handler of the proxy this factory made} */
    CallHandler handler() {
      return created;
    }
  }

  /**
   * A proxy of the same interface whose every call is exactly {@code attempt}: for a caller that
   * runs the retry loop itself, such as an asynchronous listing that schedules its waits.
   */
  <A> A view(Class<A> type, Attempt attempt) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        new CallHandler(dispatch, vendor, loop, secrets, attempt)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return objectMethod(proxy, method, args);
    }
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    MethodHandler handler = dispatch.get(method);
    String operation = operationFromMethodName(method.getName());
    if (boundAttempt != null) {
      return once(operation, handler, args, boundAttempt);
    }
    return loop.run(operation, attempt -> once(operation, handler, args, attempt));
  }

  private Object once(String operation, MethodHandler handler, Object[] args, Attempt attempt) {
    Object[] withAttempt = args == null ? new Object[1] : Arrays.copyOf(args, args.length + 1);
    withAttempt[withAttempt.length - 1] = attempt;
    try {
      return handler.invoke(withAttempt);
    } catch (SdkException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw translate(operation, attempt, t);
    }
  }

  private Object objectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return args != null && args.length == 1 && proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        return vendor.displayName() + " API client" + (boundAttempt == null ? "" : " " + boundAttempt);
    }
  }

  /** The operation is the method's: an attempt of a listing's loop is named for the page. */
  private SdkException translate(String operation, Attempt attempt, Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SdkException sdk) {
        return sdk;
      }
    }
    String prefix = vendor.displayName() + " " + operation + " failed: ";
    if (t instanceof DecodeException) {
      return new ApiDecodeException(prefix + "could not decode the response", "", t.getCause());
    }
    if (t instanceof EncodeException) {
      return new SdkException(prefix + "could not encode the request: "
          + secrets.scrub(t.getMessage()), t);
    }
    String method = attempt.sentMethod() != null ? attempt.sentMethod()
        : t instanceof RetryableException r && r.method() != null ? r.method().name() : null;
    IOException io = findIo(t);
    if (io != null) {
      return new ApiIoException(prefix + secrets.scrub(describe(io)), io, method,
          io instanceof ConnectException);
    }
    if (t instanceof RetryableException) {
      return new ApiIoException(prefix + "I/O error", t, method, false);
    }
    if (t instanceof FeignException f) {
      return new SdkException(prefix + (f.status() > 0 ? "HTTP " + f.status() : "request failed"), t);
    }
    return new SdkException(prefix + t.getClass().getSimpleName(), t);
  }

  /** Names an I/O failure for a message: kind and redacted, single-line text. */
  static String describe(IOException io) {
    if (io instanceof DeadlineTransport.DeadlineExceededException) {
      return "timeout: " + io.getMessage();
    }
    String message = io.getMessage();
    String kind = io.getClass().getSimpleName();
    return "I/O error (" + kind + (message == null || message.isBlank() ? "" : ": "
        + Redaction.redactUrl(message.replaceAll("[\\r\\n]+", " "))) + ")";
  }

  private static IOException findIo(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  /** {@code listUsersWithHttpInfo} becomes {@code listUsers}. */
  static String operationFromMethodName(String name) {
    String suffix = "WithHttpInfo";
    return name.endsWith(suffix) && name.length() > suffix.length()
        ? name.substring(0, name.length() - suffix.length()) : name;
  }

  /** {@code DatagridApi#listUsersWithHttpInfo(String,Integer)} becomes {@code listUsers}. */
  static String operationFromConfigKey(String configKey) {
    if (configKey == null || configKey.isEmpty()) {
      return "request";
    }
    String name = configKey;
    int hash = name.indexOf('#');
    if (hash >= 0) {
      name = name.substring(hash + 1);
    }
    int paren = name.indexOf('(');
    if (paren >= 0) {
      name = name.substring(0, paren);
    }
    return operationFromMethodName(name);
  }
}
