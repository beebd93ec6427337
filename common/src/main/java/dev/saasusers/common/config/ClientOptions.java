package dev.saasusers.common.config;

import dev.saasusers.common.auth.Authenticator;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.RetrySettings;
import dev.saasusers.common.http.TimeSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How a vendor client talks HTTP: where, with which credentials, how long it waits, how it
 * retries, and through which transport. The same options serve every vendor.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *     .baseUrl("https://api.example.com")
 *     .authenticator(auth)
 *     .maxRetries(3)
 *     .build();
 * }</pre>
 *
 * <p>The options come in small value objects, each checking its own part once:
 * {@link Endpoint} (base URL), {@link Timeouts}, {@link RetrySettings}, {@link TransportChoice},
 * {@link RequestHeaders} and {@link Limits}; the builder's setters only record, and
 * {@link Builder#build()} makes the value objects, so the first bad option is named there.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows a secret.
 */
public final class ClientOptions {
  /** Default connect timeout: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Timeouts.DEFAULT.connect();
  /** Default read timeout: 60 s. */
  public static final Duration DEFAULT_READ_TIMEOUT = Timeouts.DEFAULT.read();
  /** Default deadline of one attempt, connect to last byte: 60 s. */
  public static final Duration DEFAULT_TIMEOUT = Timeouts.DEFAULT.attempt();
  /** Default number of retries after the first attempt: 2 (Fern and Stainless). */
  public static final int DEFAULT_MAX_RETRIES = 2;
  /** Default first backoff: 0.5 s (Stainless). */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
  /** Default backoff cap: 8 s (Stainless). */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
  /** Default longest Retry-After that is waited: 60 s (Fern). */
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
  /** Default largest response body that is read: 32 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = Limits.DEFAULT.maxResponseBytes();

  private static final Authenticator NO_AUTH = new Authenticator() {
    @Override
    public void apply(feign.RequestTemplate template) {
    }

    @Override
    public String toString() {
      return "NoAuthentication";
    }
  };

  private final Endpoint endpoint;
  private final Authenticator authenticator;
  private final Timeouts timeouts;
  private final RetrySettings retry;
  private final TimeSource timeSource;
  private final TransportChoice transportChoice;
  private final RequestHeaders headers;
  private final Limits limits;
  private final List<ClientListener> listeners;

  private ClientOptions(Builder b, Endpoint endpoint, Timeouts timeouts, RetrySettings retry,
      Limits limits, RequestHeaders headers) {
    this.endpoint = endpoint;
    this.authenticator = b.authenticator == null ? NO_AUTH : b.authenticator;
    this.timeouts = timeouts;
    this.retry = retry;
    this.timeSource = b.timeSource;
    this.transportChoice = new TransportChoice(b.transport, b.httpClient, b.executor, b.proxy);
    this.headers = headers;
    this.limits = limits;
    this.listeners = List.copyOf(b.listeners);
  }

  /** {@return a builder with every default set and no base URL} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these options, to derive changed ones} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.baseUrl = endpoint.baseUrl().toString();
    b.allowInsecureHttp = endpoint.allowInsecureHttp();
    b.authenticator = authenticator == NO_AUTH ? null : authenticator;
    b.timeouts(timeouts);
    b.retry(retry);
    b.timeSource = timeSource;
    b.proxy = transportChoice.proxy();
    b.httpClient = transportChoice.httpClient();
    b.executor = transportChoice.executor();
    b.transport = transportChoice.transport();
    b.defaultHeaders.putAll(headers.defaults());
    b.userAgentSuffix = headers.userAgentSuffix();
    b.requestsPerSecond = limits.requestsPerSecond();
    b.maxResponseBytes = limits.maxResponseBytes();
    b.listeners.addAll(listeners);
    return b;
  }

  /** {@return where requests go: the checked base URL} */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** {@return the connect, read and attempt timeouts} */
  public Timeouts timeouts() {
    return timeouts;
  }

  /** {@return what carries the requests: the default transport or the caller's} */
  public TransportChoice transportChoice() {
    return transportChoice;
  }

  /** {@return the headers added to every request and the User-Agent suffix} */
  public RequestHeaders requestHeaders() {
    return headers;
  }

  /** {@return the request rate limit and the largest response body read} */
  public Limits limits() {
    return limits;
  }

  /** {@return the vendor API's base URL; request paths are appended to it} */
  public URI baseUrl() {
    return endpoint.baseUrl();
  }

  /** {@return the credentials strategy; a no-op one when none was set} */
  public Authenticator authenticator() {
    return authenticator;
  }

  /** {@return how long a TCP/TLS connect may take (default 10 s)} */
  public Duration connectTimeout() {
    return timeouts.connect();
  }

  /** {@return how long one response may take to arrive (default 60 s)} */
  public Duration readTimeout() {
    return timeouts.read();
  }

  /**
   * {@return the deadline of one attempt, connect to last byte (default 60 s): a server that
   *     answers one byte at a time cannot hold a call longer; a timed-out GET is retried like a read
   *     timeout}
   */
  public Duration timeout() {
    return timeouts.attempt();
  }

  /** {@return how the client retries: budget, backoff, Retry-After cap, writes} */
  public RetrySettings retry() {
    return retry;
  }

  /** {@return how many times a failed attempt is retried (default 2; 0 disables retries)} */
  public int maxRetries() {
    return retry.maxRetries();
  }

  /** {@return the first retry's backoff, doubled for each later one (default 0.5 s)} */
  public Duration initialBackoff() {
    return retry.initialBackoff();
  }

  /** {@return the longest backoff between retries (default 8 s)} */
  public Duration maxBackoff() {
    return retry.maxBackoff();
  }

  /**
   * {@return the longest Retry-After that is waited (default 60 s); a longer one fails the call at
   *     once with the wait in the exception}
   */
  public Duration maxRetryAfter() {
    return retry.maxRetryAfter();
  }

  /**
   * {@return where the client reads the time and waits (retries, Retry-After, rate limit, token
   *     expiry); the system one unless a test set a virtual one}
   */
  public TimeSource timeSource() {
    return timeSource;
  }

  /** {@return the HTTP proxy, if any} */
  public Optional<ProxySettings> proxy() {
    return transportChoice.proxySettings();
  }

  /** {@return a caller-supplied JDK HttpClient to send requests with, if any} */
  public Optional<HttpClient> httpClient() {
    return transportChoice.customHttpClient();
  }

  /** {@return the executor for the default transport's asynchronous work, if any} */
  public Optional<Executor> executor() {
    return transportChoice.customExecutor();
  }

  /** {@return a caller-supplied Feign transport; wins over {@link #httpClient()}} */
  public Optional<feign.Client> transport() {
    return transportChoice.customTransport();
  }

  /** {@return headers added to every request, in insertion order} */
  public Map<String, String> defaultHeaders() {
    return headers.defaults();
  }

  /** {@return text appended to the SDK's User-Agent, if any} */
  public Optional<String> userAgentSuffix() {
    return headers.suffix();
  }

  /** {@return the client-side request rate limit shared by all threads; 0 means none (default)} */
  public double requestsPerSecond() {
    return limits.requestsPerSecond();
  }

  /** {@return true when plain {@code http://} is allowed to a non-loopback host (default false)} */
  public boolean allowInsecureHttp() {
    return endpoint.allowInsecureHttp();
  }

  /** {@return listeners notified of requests, responses and retries} */
  public List<ClientListener> listeners() {
    return listeners;
  }

  /** {@return the largest response body that is read (default 32 MiB)} */
  public long maxResponseBytes() {
    return limits.maxResponseBytes();
  }

  @Override
  public String toString() {
    return "ClientOptions{baseUrl=" + endpoint
        + ", authenticator=" + authenticator
        + ", timeouts=" + timeouts
        + ", retry=" + retry
        + ", timeSource=" + timeSource
        + ", " + transportChoice
        + ", " + headers
        + ", requestsPerSecond=" + limits.requestsPerSecond()
        + ", allowInsecureHttp=" + endpoint.allowInsecureHttp()
        + ", listeners=" + listeners.size()
        + ", maxResponseBytes=" + limits.maxResponseBytes() + "}";
  }

  /**
   * Builds {@link ClientOptions}. Setters only record; {@link #build()} checks everything and
   * names the first bad option. Not thread-safe.
   */
  public static final class Builder {
    private String baseUrl;
    private Authenticator authenticator;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
    private boolean retryNonIdempotent;
    private Duration timeout = DEFAULT_TIMEOUT;
    private TimeSource timeSource = TimeSource.system();
    private ProxySettings proxy;
    private HttpClient httpClient;
    private Executor executor;
    private feign.Client transport;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    private String userAgentSuffix;
    private double requestsPerSecond;
    private boolean allowInsecureHttp;
    private final List<ClientListener> listeners = new ArrayList<>();
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder() {
    }

    /**
     * Sets {@code baseUrl}.
     *
     * @param baseUrl the vendor API's base URL, for example {@code https://api.example.com/v1}
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets {@code baseUrl}.
     *
     * @param baseUrl the vendor API's base URL
     * @return this builder
     */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl == null ? null : baseUrl.toString();
      return this;
    }

    /**
     * Lets a vendor facade fill in its default base URL only when the caller set none.
     *
     * @return true when a base URL was set
     */
    public boolean hasBaseUrl() {
      return baseUrl != null;
    }

    /**
     * Sets {@code authenticator}.
     *
     * @param authenticator the credentials strategy
     * @return this builder
     */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = authenticator;
      return this;
    }

    /**
     * Lets a vendor facade require credentials only when the caller set none.
     *
     * @return true when an authenticator was set
     */
    public boolean hasAuthenticator() {
      return authenticator != null;
    }

    /**
     * Sets {@code connectTimeout}.
     *
     * @param connectTimeout positive connect timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /**
     * Sets {@code readTimeout}.
     *
     * @param readTimeout positive timeout for one response
     * @return this builder
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
      return this;
    }

    /**
     * Sets {@code timeout}.
     *
     * @param timeout positive deadline of one attempt, connect to last byte (default 60 s)
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets {@code retry}.
     *
     * @param retry true to retry POST and PATCH like GET, for operations the caller knows are
     *     safe to repeat; by default they are retried only where the server provably did not
     *     process them (connection refused, 429, 503 with Retry-After)
     * @return this builder
     */
    public Builder retryNonIdempotent(boolean retry) {
      this.retryNonIdempotent = retry;
      return this;
    }

    /**
     * For tests: the clock and waits the client uses. With the {@code testing} module's
     * {@code VirtualTime}, a 429 with {@code Retry-After: 1} is retried at once while the
     * client still believes a second passed.
     *
     * @param timeSource the time source (default {@link TimeSource#system()})
     * @return this builder
     */
    public Builder timeSource(TimeSource timeSource) {
      this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
      return this;
    }

    /**
     * Sets all three timeouts at once.
     *
     * @param timeouts connect, read and attempt timeouts
     * @return this builder
     */
    public Builder timeouts(Timeouts timeouts) {
      connectTimeout = timeouts.connect();
      readTimeout = timeouts.read();
      timeout = timeouts.attempt();
      return this;
    }

    /**
     * Sets every retry setting at once.
     *
     * @param retry budget, backoff, Retry-After cap and writes
     * @return this builder
     */
    public Builder retry(RetrySettings retry) {
      maxRetries = retry.maxRetries();
      initialBackoff = retry.initialBackoff();
      maxBackoff = retry.maxBackoff();
      maxRetryAfter = retry.maxRetryAfter();
      retryNonIdempotent = retry.retryNonIdempotent();
      return this;
    }

    /**
     * Sets {@code maxRetries}.
     *
     * @param maxRetries retries after the first attempt; 0 disables retrying
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets {@code initialBackoff}.
     *
     * @param initialBackoff the first retry's backoff, doubled for each later retry
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
      return this;
    }

    /**
     * Sets {@code maxBackoff}.
     *
     * @param maxBackoff the longest backoff
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
      return this;
    }

    /**
     * Sets {@code maxRetryAfter}.
     *
     * @param maxRetryAfter the longest Retry-After that is waited
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * Sets {@code proxy}.
     *
     * @param proxy the HTTP proxy, or null for none
     * @return this builder
     */
    public Builder proxy(ProxySettings proxy) {
      this.proxy = proxy;
      return this;
    }

    /**
     * Sets {@code httpClient}.
     *
     * @param httpClient a JDK HttpClient to send requests with; its own timeouts and proxy apply
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Sets {@code executor}.
     *
     * @param executor the executor for the default transport
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * Sets {@code transport}.
     *
     * @param transport a Feign transport of your own (OkHttp, Apache, ...); wins over
     *     {@link #httpClient(HttpClient)}
     * @return this builder
     */
    public Builder transport(feign.Client transport) {
      this.transport = transport;
      return this;
    }

    /**
     * Adds a header to every request, replacing one of the same name set here before.
     *
     * @param name header name
     * @param value header value, without CR or LF
     * @return this builder
     */
    public Builder header(String name, String value) {
      defaultHeaders.put(name, value);
      return this;
    }

    /**
     * Sets {@code headers}.
     *
     * @param headers headers to add to every request; replaces those set before
     * @return this builder
     */
    public Builder defaultHeaders(Map<String, String> headers) {
      defaultHeaders.clear();
      if (headers != null) {
        defaultHeaders.putAll(headers);
      }
      return this;
    }

    /**
     * Sets {@code userAgentSuffix}.
     *
     * @param userAgentSuffix text appended to the User-Agent, for example {@code my-app/1.2}
     * @return this builder
     */
    public Builder userAgentSuffix(String userAgentSuffix) {
      this.userAgentSuffix = userAgentSuffix;
      return this;
    }

    /**
     * Sets {@code requestsPerSecond}.
     *
     * @param requestsPerSecond the most requests per second this client sends, across all
     *     threads; 0 for no limit
     * @return this builder
     */
    public Builder requestsPerSecond(double requestsPerSecond) {
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    /**
     * Sets {@code allowInsecureHttp}.
     *
     * @param allowInsecureHttp true to allow plain {@code http://} to a non-loopback host
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /**
     * Sets {@code listener}.
     *
     * @param listener observes requests, responses and retries
     * @return this builder
     */
    public Builder addListener(ClientListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets {@code listeners}.
     *
     * @param listeners replaces the listeners added before
     * @return this builder
     */
    public Builder listeners(List<ClientListener> listeners) {
      this.listeners.clear();
      if (listeners != null) {
        listeners.forEach(this::addListener);
      }
      return this;
    }

    /**
     * Sets {@code maxResponseBytes}.
     *
     * @param maxResponseBytes the largest response body that is read; larger ones fail with a
     *     decode error
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Checks every option and builds.
     *
     * @return the options
     * @throws IllegalArgumentException naming the first option that is missing or invalid
     */
    public ClientOptions build() {
      // In the order a caller reads them; each value object names its own bad option.
      Endpoint endpoint = Endpoint.parse(baseUrl, allowInsecureHttp);
      Timeouts timeouts = new Timeouts(connectTimeout, readTimeout, timeout);
      RetrySettings retry = new RetrySettings(maxRetries, initialBackoff, maxBackoff,
          maxRetryAfter, retryNonIdempotent);
      Limits limits = new Limits(requestsPerSecond, maxResponseBytes);
      RequestHeaders headers = new RequestHeaders(defaultHeaders, userAgentSuffix);
      return new ClientOptions(this, endpoint, timeouts, retry, limits, headers);
    }
  }
}
