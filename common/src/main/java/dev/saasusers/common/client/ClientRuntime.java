package dev.saasusers.common.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saasusers.common.auth.AuthContext;
import dev.saasusers.common.auth.Authenticator;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.config.ProxySettings;
import dev.saasusers.common.http.BoundApi;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.HttpPipeline;
import dev.saasusers.common.http.JsonMapper;
import dev.saasusers.common.http.LoggingListener;
import dev.saasusers.common.http.RetryLoop;
import dev.saasusers.common.http.SdkVersion;
import dev.saasusers.common.http.SecretRegistry;
import dev.saasusers.common.http.VendorProfile;
import feign.Client;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns generated Feign interfaces into working clients for one vendor: transport, credentials,
 * default headers and User-Agent, rate limit, retries, error mapping and decoding, all from one
 * {@link ClientOptions}. It maps the options onto an {@link HttpPipeline} and binds the
 * authenticator to the pipeline's token exchange.
 *
 * <pre>{@code
 * try (ClientRuntime runtime = ClientRuntime.create(VendorProfile.of("datagrid", "Datagrid"), options)) {
 *   DatagridApi api = runtime.api(DatagridApi.class);
 *   ListOrganizationUsers page = api.listUsers(null, 100, null, null);
 * }
 * }</pre>
 *
 * <p>Calls fail only with {@link dev.saasusers.common.http.SdkException}s. Thread-safe.
 */
public final class ClientRuntime implements AutoCloseable {
  private final VendorProfile vendor;
  private final ClientOptions options;
  private final ObjectMapper mapper;
  private final Client transport;
  private final boolean ownsTransport;
  private final Authenticator authenticator;
  private final ClientListener listener;
  private final HttpPipeline pipeline;
  private final SecretRegistry secrets;
  private volatile boolean closed;

  private ClientRuntime(VendorProfile vendor, ClientOptions options, ObjectMapper mapper,
      Client transport, boolean ownsTransport, HttpPipeline parent, Authenticator boundAuthenticator,
      SecretRegistry parentSecrets) {
    this.vendor = vendor;
    // Derived clients share the registry: their authenticator, and so its secrets, are shared.
    this.secrets = parentSecrets != null ? parentSecrets : SecretRegistry.create();
    options.proxy().flatMap(ProxySettings::password).ifPresent(secrets::register);
    this.options = options;
    this.mapper = mapper;
    this.transport = transport;
    this.ownsTransport = ownsTransport;
    List<ClientListener> all = new ArrayList<>();
    all.add(new LoggingListener(origin(options.baseUrl())));
    all.addAll(options.listeners());
    this.listener = ClientListener.fanOut(all);
    HttpPipeline.Settings settings = new HttpPipeline.Settings(vendor, options.baseUrl(),
        transport, Transports.requestOptions(options), options.timeout(), options.retry(),
        options.timeSource(), SdkVersion.userAgent(vendor, options.userAgentSuffix().orElse(null)),
        options.defaultHeaders(), options.requestsPerSecond(), options.maxResponseBytes(),
        listener, mapper, secrets);
    HttpPipeline unauthenticated = parent == null ? HttpPipeline.create(settings)
        : parent.derive(settings);
    this.authenticator = boundAuthenticator != null ? boundAuthenticator
        : Objects.requireNonNull(options.authenticator().bind(new AuthContext(
            options.baseUrl(), unauthenticated.exchange(), mapper, listener, vendor.id(),
            options.timeSource(), secrets)), "Authenticator.bind returned null");
    this.pipeline = unauthenticated.withCredentials(authenticator, authenticator);
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
    Client transport = Transports.transportFor(options);
    boolean owned = options.transport().isEmpty() && options.httpClient().isEmpty();
    return new ClientRuntime(vendor, options, JsonMapper.standard(), transport, owned, null, null,
        null);
  }

  /**
   * Derives a runtime with other options that shares this one's transport (and so its
   * connection pool), Retry-After pause, rate limiter and bound authenticator (and so its token
   * cache), like OkHttp's {@code newBuilder()}. Whatever the new options change is not shared:
   * another transport, authenticator or rate.
   *
   * @param newOptions the options for the derived runtime, usually {@code options().toBuilder()...build()}
   * @return the derived runtime; closing it does not close the shared transport
   */
  public ClientRuntime withOptions(ClientOptions newOptions) {
    Objects.requireNonNull(newOptions, "newOptions");
    boolean sameTransport = newOptions.transport().equals(options.transport())
        && newOptions.httpClient().equals(options.httpClient())
        && newOptions.executor().equals(options.executor())
        && newOptions.proxy().equals(options.proxy());
    if (!sameTransport) {
      return create(vendor, newOptions);
    }
    boolean sameAuth = newOptions.authenticator() == options.authenticator()
        && newOptions.baseUrl().equals(options.baseUrl())
        && newOptions.timeSource() == options.timeSource();
    return new ClientRuntime(vendor, newOptions, mapper, transport, false, pipeline,
        sameAuth ? authenticator : null, secrets);
  }

  /**
   * Builds a client for a generated Feign interface; every call runs the client's retry loop.
   *
   * @param feignInterface the interface, for example {@code DatagridApi.class}
   * @param <A> its type
   * @return a thread-safe client
   * @throws IllegalStateException when this runtime is closed
   */
  public <A> A api(Class<A> feignInterface) {
    return bind(feignInterface).calls();
  }

  /**
   * Builds a generated interface in both forms: retrying calls, and one-attempt views for
   * listings that schedule their own retry waits.
   *
   * @param feignInterface the interface
   * @param <A> its type
   * @return the bound interface
   * @throws IllegalStateException when this runtime is closed
   */
  public <A> BoundApi<A> bind(Class<A> feignInterface) {
    requireOpen();
    return pipeline.bind(feignInterface);
  }

  /** {@return the retry loop API calls run in} */
  public RetryLoop loop() {
    return pipeline.loop();
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException(vendor.displayName() + " client is closed");
    }
  }

  /** {@return the vendor this runtime serves} */
  public VendorProfile vendor() {
    return vendor;
  }

  /** {@return the options this runtime was built with} */
  public ClientOptions options() {
    return options;
  }

  /** {@return the JSON mapper used for bodies (see {@link JsonMapper#standard()})} */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * {@return the listeners of this runtime (logging plus the options' listeners), as one; the
   *     paging layer reports pages through it}
   */
  public ClientListener listener() {
    return listener;
  }

  /** {@return the User-Agent sent with every request} */
  public String userAgent() {
    return pipeline.userAgent();
  }

  /**
   * {@return every secret this client holds, registered by its credentials as they are bound or
   *     issued; the SDK scrubs them from vendor text, and so can code that prints vendor text}
   */
  public SecretRegistry secrets() {
    return secrets;
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
