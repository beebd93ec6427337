package dev.saasusers.common.client;

import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.config.ProxySettings;
import dev.saasusers.common.http.ClientListener;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What every vendor client's builder shares: the transport, retry, timeout and safety options of
 * {@link ClientOptions}, and {@code fromEnv} (credentials, then {@code <VENDOR>_BASE_URL}). A
 * vendor's builder adds only its credentials and its own defaults.
 *
 * @param <B> the vendor builder type, returned for chaining
 * @param <C> the client type it builds
 */
public abstract class VendorClientBuilder<B extends VendorClientBuilder<B, C>, C> {
  /** The options being assembled; a vendor builder sets the authenticator on it. */
  protected final ClientOptions.Builder options = ClientOptions.builder();
  private final String variablePrefix;
  private String baseUrl;

  /**
   * Creates a {@code VendorClientBuilder}.
   *
   * @param variablePrefix the vendor's environment prefix, for example {@code DATAGRID} for
   *     {@code DATAGRID_BASE_URL}
   */
  protected VendorClientBuilder(String variablePrefix) {
    this.variablePrefix = Objects.requireNonNull(variablePrefix, "variablePrefix");
  }

  /**
   * Sets {@code baseUrl}.
   *
   * @param baseUrl the API's base URL; overrides the vendor default and its {@code *_BASE_URL}
   * @return this builder
   */
  public B baseUrl(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    return self();
  }

  /**
   * Sets {@code maxRetries}.
   *
   * @param maxRetries retries after the first attempt; 0 disables retrying (default 2)
   * @return this builder
   */
  public B maxRetries(int maxRetries) {
    options.maxRetries(maxRetries);
    return self();
  }

  /**
   * Sets {@code timeout}.
   *
   * @param timeout the deadline of each attempt, connect to last byte (default 60 s); a server
   *     that answers one byte at a time cannot hold a call longer
   * @return this builder
   */
  public B timeout(Duration timeout) {
    options.timeout(timeout);
    return self();
  }

  /**
   * For tests: the clock and waits the client uses, for example the {@code testing} module's
   * {@code VirtualTime}, so that retries and Retry-After cost no real time.
   *
   * @param timeSource the time source
   * @return this builder
   */
  public B timeSource(dev.saasusers.common.http.TimeSource timeSource) {
    options.timeSource(timeSource);
    return self();
  }

  /**
   * Sets {@code timeout}.
   *
   * @param timeout the longest wait for each read of a response (default 60 s)
   * @return this builder
   */
  public B readTimeout(Duration timeout) {
    options.readTimeout(timeout);
    return self();
  }

  /**
   * Sets {@code timeout}.
   *
   * @param timeout the longest wait to connect (default 10 s)
   * @return this builder
   */
  public B connectTimeout(Duration timeout) {
    options.connectTimeout(timeout);
    return self();
  }

  /**
   * Sets {@code listener}.
   *
   * @param listener receives request, retry, token and page events
   * @return this builder
   */
  public B addListener(ClientListener listener) {
    options.addListener(listener);
    return self();
  }

  /**
   * Sets {@code transport}.
   *
   * @param transport a Feign transport of the user's own, for example an OkHttp client already
   *     configured with proxies and certificates
   * @return this builder
   */
  public B transport(feign.Client transport) {
    options.transport(transport);
    return self();
  }

  /**
   * Sets {@code httpClient}.
   *
   * @param httpClient a JDK HTTP client of the user's own
   * @return this builder
   */
  public B httpClient(HttpClient httpClient) {
    options.httpClient(httpClient);
    return self();
  }

  /**
   * Sets {@code proxy}.
   *
   * @param proxy an HTTP proxy, with optional proxy authentication
   * @return this builder
   */
  public B proxy(ProxySettings proxy) {
    options.proxy(proxy);
    return self();
  }

  /**
   * Sets {@code allow}.
   *
   * @param allow true to allow a plain {@code http://} base URL to a host that is not loopback
   * @return this builder
   */
  public B allowInsecureHttp(boolean allow) {
    options.allowInsecureHttp(allow);
    return self();
  }

  /**
   * Sets {@code change}.
   *
   * @param change any other option of {@link ClientOptions.Builder}
   * @return this builder
   */
  public B options(Consumer<ClientOptions.Builder> change) {
    change.accept(options);
    return self();
  }

  /**
   * Reads the vendor's credentials and optional {@code <VENDOR>_BASE_URL} from the environment.
   *
   * @param environment where to read the variables
   * @return this builder
   * @throws IllegalArgumentException naming a required variable that is missing or blank
   */
  public B fromEnv(Environment environment) {
    credentialsFrom(environment);
    baseUrlFrom(environment, variable("BASE_URL"));
    return self();
  }

  /**
   * Reads the settings from the process environment, as {@link #fromEnv(Environment)}.
   *
   * @return this builder
   * @throws IllegalArgumentException naming a required variable that is missing or blank
   */
  public B fromEnv() {
    return fromEnv(Environment.system());
  }

  /**
   * Sets the vendor's credentials from its variables.
   *
   * @param environment where to read them
   * @throws IllegalArgumentException naming a variable that is missing or blank
   */
  protected abstract void credentialsFrom(Environment environment);

  /**
   * {@return the vendor's variable of that name, for example {@code PODERO_ORG_ID}}
   *
   * @param suffix for example {@code ORG_ID}
   */
  protected final String variable(String suffix) {
    return variablePrefix + "_" + suffix;
  }

  /**
   * {@return the client; options are checked here, before any request}
   *
   * @throws IllegalArgumentException naming the option that is wrong
   */
  public abstract C build();

  /**
   * Sets the base URL from a variable when the caller has not set one.
   *
   * @param environment where to read it
   * @param variable for example {@code DATAGRID_BASE_URL}
   */
  protected void baseUrlFrom(Environment environment, String variable) {
    if (baseUrl == null) {
      environment.optional(variable).ifPresent(url -> baseUrl = url);
    }
  }

  /** {@return the base URL the caller or environment chose, or null for the vendor default} */
  protected String chosenBaseUrl() {
    return baseUrl;
  }

  /**
   * Finishes the options.
   *
   * @param defaultBaseUrl the vendor's base URL when none was chosen
   * @return the validated options
   * @throws IllegalArgumentException when no credentials were set, or an option is wrong
   */
  protected ClientOptions buildOptions(String defaultBaseUrl) {
    if (!options.hasAuthenticator()) {
      // Without this the client would send unauthenticated requests and meet a 401 later.
      throw new IllegalArgumentException("credentials are missing: set the API key or token on "
          + "the builder, or read them with fromEnv(...)");
    }
    return options.baseUrl(baseUrl != null ? baseUrl : defaultBaseUrl).build();
  }

  /** {@return this builder, as the vendor builder type} */
  @SuppressWarnings("unchecked")
  protected final B self() {
    return (B) this;
  }
}
