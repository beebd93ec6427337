package dev.saasusers.common.http;

import feign.FeignException;
import feign.InvocationHandlerFactory;
import feign.RetryableException;
import feign.Target;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The outermost layer of every client method: opens the call's {@link CallScope} and makes sure
 * only {@link SdkException}s reach the caller, never a Feign or Jackson exception.
 */
final class TranslatingInvocationHandler implements InvocationHandler {
  private final InvocationHandler delegate;
  private final VendorProfile vendor;

  private TranslatingInvocationHandler(InvocationHandler delegate, VendorProfile vendor) {
    this.delegate = delegate;
    this.vendor = vendor;
  }

  /** Plugs the handler into Feign's builder. */
  static final class Factory implements InvocationHandlerFactory {
    private final InvocationHandlerFactory defaults = new InvocationHandlerFactory.Default();
    private final VendorProfile vendor;

    Factory(VendorProfile vendor) {
      this.vendor = vendor;
    }

    @Override
    public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
      return new TranslatingInvocationHandler(defaults.create(target, dispatch), vendor);
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class || method.isDefault()) {
      return delegate.invoke(proxy, method, args);
    }
    String operation = CallScope.operationFromMethodName(method.getName());
    CallScope previous = CallScope.enter(operation);
    try {
      return delegate.invoke(proxy, method, args);
    } catch (SdkException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw translate(operation, t);
    } finally {
      CallScope.exit(previous);
    }
  }

  private SdkException translate(String operation, Throwable t) {
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
      return new SdkException(prefix + "could not encode the request: " + t.getMessage(), t);
    }
    IOException io = findIo(t);
    if (io != null) {
      return new ApiIoException(prefix + RetryPolicy.describe(io), io);
    }
    if (t instanceof RetryableException) {
      return new ApiIoException(prefix + "I/O error", t);
    }
    if (t instanceof FeignException f) {
      return new SdkException(prefix + (f.status() > 0 ? "HTTP " + f.status() : "request failed"), t);
    }
    return new SdkException(prefix + t.getClass().getSimpleName(), t);
  }

  private static IOException findIo(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof IOException io) {
        return io;
      }
    }
    return null;
  }
}
