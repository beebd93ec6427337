package dev.saasusers.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saasusers.common.auth.AuthContext;
import dev.saasusers.common.auth.Authenticator;
import dev.saasusers.common.config.ClientOptions;
import feign.Client;
import feign.Feign;
import feign.Request;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns generated Feign interfaces into working clients for one vendor: transport, credentials,
 * default headers and User-Agent, rate limit, retries, error mapping and decoding, all from one
 * {@link ClientOptions}.
 *
 * <pre>{@code
 * try (ClientRuntime runtime = ClientRuntime.create(VendorProfile.of("datagrid", "Datagrid"), options)) {
 *   DatagridApi api = runtime.api(DatagridApi.class);
 *   ListOrganizationUsers page = api.listUsers(null, 100, null, null);
 * }
 * }</pre>
 *
 * <p>Calls fail only with {@link SdkException}s: {@link ApiException} and its subclasses for
 * error statuses, {@link ApiIoException} for I/O failures after retries, {@link
 * ApiDecodeException} for bodies that cannot be read. Thread-safe.
 */
public final class ClientRuntime implements AutoCloseable {
  private final VendorProfile vendor;
  private final ClientOptions options;
  private final ObjectMapper mapper;
  private final Client transport;
  private final boolean ownsTransport;
  private final Authenticator authenticator;
  private final RequestRateLimiter rateLimiter;
  private final ClientListener listener;
  private final Request.Options requestOptions;
  private final StandardHeaders headers;
  private volatile boolean closed;

  private ClientRuntime(VendorProfile vendor, ClientOptions options, ObjectMapper mapper,
      Client transport, boolean ownsTransport, Authenticator boundAuthenticator,
      RequestRateLimiter rateLimiter) {
    this.vendor = vendor;
    this.options = options;
    this.mapper = mapper;
    this.transport = transport;
    this.ownsTransport = ownsTransport;
    this.rateLimiter = rateLimiter;
    List<ClientListener> all = new ArrayList<>();
    all.add(new LoggingListener(origin(options.baseUrl())));
    all.addAll(options.listeners());
    this.listener = new ListenerFanout(all);
    this.requestOptions = Transports.requestOptions(options);
    this.headers = new StandardHeaders(
        SdkVersion.userAgent(vendor, options.userAgentSuffix().orElse(null)), options.defaultHeaders());
    this.authenticator = boundAuthenticator != null ? boundAuthenticator
        : Objects.requireNonNull(options.authenticator().bind(new AuthContext(
            options.baseUrl(), transport, requestOptions, mapper, listener, vendor.id())),
            "Authenticator.bind returned null");
  }

  /**
   * Builds the runtime: creates the transport (unless the options bring one) and binds the
   * authenticator. Sends no request.
   *
   * @param vendor the vendor
   * @param options validated options
   * @return the runtime; close it to release a transport it created
   */
  public static ClientRuntime create(VendorProfile vendor, ClientOptions options) {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(options, "options");
    Client transport = Transports.defaultTransport(options);
    boolean owned = options.transport().isEmpty() && options.httpClient().isEmpty();
    return new ClientRuntime(vendor, options, JsonMapper.standard(), transport, owned, null,
        limiterFor(options, null));
  }

  /**
   * Derives a runtime with other options that shares this one's transport (and so its
   * connection pool), rate limiter and bound authenticator (and so its token cache), like
   * OkHttp's {@code newBuilder()}. Whatever the new options change is not shared: another
   * transport, authenticator or rate.
   *
   * @param newOptions the options for the derived runtime, usually {@code options().toBuilder()...build()}
   * @return the derived runtime; closing it does not close the shared transport
   */
  public ClientRuntime withOptions(ClientOptions newOptions) {
    Objects.requireNonNull(newOptions, "newOptions");
    boolean sameTransport = newOptions.transport().equals(options.transport())
        && newOptions.httpClient().equals(options.httpClient());
    Client derivedTransport = sameTransport ? transport : Transports.defaultTransport(newOptions);
    boolean sameAuth = newOptions.authenticator() == options.authenticator() && sameTransport
        && newOptions.baseUrl().equals(options.baseUrl());
    return new ClientRuntime(vendor, newOptions, mapper, derivedTransport, !sameTransport
        && newOptions.transport().isEmpty() && newOptions.httpClient().isEmpty(),
        sameAuth ? authenticator : null, limiterFor(newOptions, this));
  }

  private static RequestRateLimiter limiterFor(ClientOptions options, ClientRuntime parent) {
    if (options.requestsPerSecond() <= 0) {
      return null;
    }
    if (parent != null && parent.rateLimiter != null
        && parent.options.requestsPerSecond() == options.requestsPerSecond()) {
      return parent.rateLimiter;
    }
    return new RequestRateLimiter(options.requestsPerSecond());
  }

  /**
   * Builds a client for a generated Feign interface.
   *
   * @param feignInterface the interface, for example {@code DatagridApi.class}
   * @param <A> its type
   * @return a thread-safe client
   * @throws IllegalStateException when this runtime is closed
   */
  public <A> A api(Class<A> feignInterface) {
    Objects.requireNonNull(feignInterface, "feignInterface");
    if (closed) {
      throw new IllegalStateException(vendor.displayName() + " client is closed");
    }
    Feign.Builder builder = Feign.builder()
        .client(new ObservedTransport(transport, vendor, listener))
        .options(requestOptions)
        .encoder(new JsonBodyEncoder(mapper))
        .decoder(new BoundedJsonDecoder(vendor, mapper, options.maxResponseBytes()))
        .errorDecoder(new StatusErrorDecoder(vendor, mapper, options.maxRetryAfter()))
        .retryer(new RetryPolicy(options, vendor, authenticator, listener))
        .requestInterceptor(authenticator)
        .requestInterceptor(headers);
    if (rateLimiter != null) {
      builder.requestInterceptor(rateLimiter);
    }
    return builder
        .invocationHandlerFactory(new TranslatingInvocationHandler.Factory(vendor))
        .target(feignInterface, options.baseUrl().toString());
  }

  /** @return the vendor this runtime serves */
  public VendorProfile vendor() {
    return vendor;
  }

  /** @return the options this runtime was built with */
  public ClientOptions options() {
    return options;
  }

  /** @return the JSON mapper used for bodies (see {@link JsonMapper#standard()}) */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * @return the listeners of this runtime (logging plus the options' listeners), as one; the
   *     paging layer reports pages through it
   */
  public ClientListener listener() {
    return listener;
  }

  /** @return the User-Agent sent with every request */
  public String userAgent() {
    return headers.userAgent();
  }

  /** Transport shared with derived runtimes; for tests of {@link #withOptions}. */
  Client transport() {
    return transport;
  }

  /** Bound authenticator shared with derived runtimes. */
  Authenticator boundAuthenticator() {
    return authenticator;
  }

  /**
   * Releases a transport this runtime created, when it holds resources that can be closed.
   * Transports shared with derived runtimes are closed only by the runtime that created them,
   * and caller-supplied ones never. Further {@link #api} calls fail.
   */
  @Override
  public void close() {
    closed = true;
    if (ownsTransport && transport instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // closing is best effort; nothing is lost
      }
    }
  }

  @Override
  public String toString() {
    return "ClientRuntime{" + vendor.id() + ", " + options + "}";
  }

  private static String origin(URI base) {
    return base.getScheme() + "://" + base.getRawAuthority();
  }
}
