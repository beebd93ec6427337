package dev.saasusers.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Feign;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One vendor's call pipeline, in one straight line: generated interface, {@link CallHandler}
 * (typed errors), {@link RetryLoop} (one loop; Feign's own retryer never retries), then per
 * attempt: credentials and standard headers, client-side rate limit, {@link ObservedTransport}
 * (events and TRACE logs), {@link DeadlineTransport} (the attempt deadline), the transport, and
 * the decoders. Token requests take the same way through {@link #exchange()}.
 *
 * <p>Built by the {@code client} package from {@code ClientOptions}; everything here depends
 * only on Feign and Jackson. Thread-safe.
 */
public final class HttpPipeline {
  private final Settings settings;
  private final Client observed;
  private final RetryLoop tokenLoop;
  private final RetryLoop apiLoop;
  private final RequestInterceptor credentials;
  private final StandardHeaders headers;
  private final RequestRateLimiter rateLimiter;

  /**
   * What a pipeline is made of.
   *
   * @param vendor the vendor
   * @param baseUrl where the API lives
   * @param transport the transport that sends bytes, or null for the SDK's default
   *     (Feign's HttpURLConnection client)
   * @param timeouts connect and read timeouts of each attempt
   * @param attemptTimeout the deadline of each attempt, connect to last byte
   * @param retry the retry budget and backoff
   * @param time where waits happen
   * @param userAgent the User-Agent header
   * @param defaultHeaders headers sent with every API request
   * @param requestsPerSecond a client-side rate limit, or 0 for none
   * @param maxResponseBytes the largest body that is read
   * @param listener receives every event
   * @param mapper the JSON mapper
   * @param secrets the client's secrets, scrubbed from vendor text in messages and logs
   */
  public record Settings(
      VendorProfile vendor, URI baseUrl, Client transport, Request.Options timeouts,
      Duration attemptTimeout, RetrySettings retry, TimeSource time, String userAgent,
      Map<String, String> defaultHeaders, double requestsPerSecond, long maxResponseBytes,
      ClientListener listener, ObjectMapper mapper, SecretRegistry secrets) {
    Settings requireComplete() {
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(timeouts, "timeouts");
      Objects.requireNonNull(attemptTimeout, "attemptTimeout");
      Objects.requireNonNull(retry, "retry");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(listener, "listener");
      Objects.requireNonNull(mapper, "mapper");
      Objects.requireNonNull(defaultHeaders, "defaultHeaders");
      Objects.requireNonNull(secrets, "secrets");
      return this;
    }
  }

  private HttpPipeline(Settings settings, Client observed, RetryLoop tokenLoop,
      RequestInterceptor credentials, CredentialRefresh refresh, RequestRateLimiter rateLimiter) {
    this.settings = settings;
    this.observed = observed;
    this.tokenLoop = tokenLoop;
    this.credentials = credentials;
    this.rateLimiter = rateLimiter;
    this.headers = new StandardHeaders(settings.userAgent(), settings.defaultHeaders());
    this.apiLoop = tokenLoop.derive(settings.retry(), settings.timeouts(),
        settings.attemptTimeout(), refresh, settings.listener());
  }

  /**
   * A pipeline without credentials yet: its {@link #exchange()} serves the token requests of
   * the authenticator that {@link #withCredentials} then adds.
   *
   * @param settings the parts
   * @return the pipeline
   */
  public static HttpPipeline create(Settings settings) {
    settings.requireComplete();
    Client transport = settings.transport() == null
        ? DeadlineTransport.overHttpUrlConnection() : DeadlineTransport.over(settings.transport());
    Client observed = new ObservedTransport(transport, settings.vendor(), settings.listener(),
        settings.secrets());
    RetryLoop loop = RetryLoop.create(settings.vendor(), settings.retry(), settings.timeouts(),
        settings.attemptTimeout(), settings.time(), CredentialRefresh.NONE, settings.listener());
    RequestRateLimiter limiter = settings.requestsPerSecond() > 0
        ? new RequestRateLimiter(settings.requestsPerSecond(), settings.time()) : null;
    return new HttpPipeline(settings, observed, loop, template -> { }, CredentialRefresh.NONE,
        limiter);
  }

  /**
   * {@return a pipeline sending those credentials; it shares this one's transport, pause and rate
   *     limit}
   *
   * @param interceptor adds credentials to each attempt
   * @param refresh asked after a 401
   */
  public HttpPipeline withCredentials(RequestInterceptor interceptor, CredentialRefresh refresh) {
    return new HttpPipeline(settings, observed, tokenLoop, Objects.requireNonNull(interceptor),
        Objects.requireNonNull(refresh), rateLimiter);
  }

  /**
   * A pipeline for a derived client: other timeouts, retries, headers or listeners, sharing
   * this one's transport, Retry-After pause and (when the rate is the same) rate limit.
   *
   * @param newSettings the derived settings; its transport must be this one's
   * @return the derived pipeline, without credentials until {@link #withCredentials}
   */
  public HttpPipeline derive(Settings newSettings) {
    newSettings.requireComplete();
    RequestRateLimiter limiter = newSettings.requestsPerSecond() <= 0 ? null
        : rateLimiter != null && newSettings.requestsPerSecond() == settings.requestsPerSecond()
            ? rateLimiter : new RequestRateLimiter(newSettings.requestsPerSecond(), newSettings.time());
    Client newObserved = new ObservedTransport(((ObservedTransport) observed).delegate(),
        newSettings.vendor(), newSettings.listener(), newSettings.secrets());
    RetryLoop loop = tokenLoop.derive(newSettings.retry(), newSettings.timeouts(),
        newSettings.attemptTimeout(), CredentialRefresh.NONE, newSettings.listener());
    return new HttpPipeline(newSettings, newObserved, loop, template -> { },
        CredentialRefresh.NONE, limiter);
  }

  /**
   * Builds a client for a generated Feign interface; each call runs the whole pipeline.
   *
   * @param feignInterface the interface, for example {@code DatagridApi.class}
   * @param <A> its type
   * @return the interface in its retrying and its one-attempt form; thread-safe
   */
  public <A> BoundApi<A> bind(Class<A> feignInterface) {
    Objects.requireNonNull(feignInterface, "feignInterface");
    CallHandler.Factory handlers =
        new CallHandler.Factory(settings.vendor(), apiLoop, settings.secrets());
    Feign.Builder builder = Feign.builder()
        .client(observed)
        .options(settings.timeouts())
        .encoder(new JsonBodyEncoder(settings.mapper()))
        .decoder(new BoundedJsonDecoder(settings.vendor(), settings.mapper(),
            settings.maxResponseBytes(), settings.secrets()))
        .errorDecoder(new StatusErrorDecoder(settings.vendor(), settings.mapper(),
            settings.secrets()))
        .retryer(Retryer.NEVER_RETRY)
        .requestInterceptor(credentials)
        .requestInterceptor(headers);
    if (rateLimiter != null) {
      builder.requestInterceptor(rateLimiter);
    }
    A proxy = builder.invocationHandlerFactory(handlers)
        .target(new BaseUrlTarget<>(feignInterface, settings.baseUrl().toString()));
    return new BoundApi<>(feignInterface, proxy, handlers.handler());
  }

  /** {@return token requests and other raw calls, through this pipeline without credentials} */
  public RawExchange exchange() {
    return new RawExchange(settings.vendor(), observed, tokenLoop, settings.mapper(),
        settings.secrets());
  }

  /** {@return the retry loop of API calls, for listings that schedule their own waits} */
  public RetryLoop loop() {
    return apiLoop;
  }

  /** {@return the parts this pipeline was made of} */
  public Settings settings() {
    return settings;
  }

  /** {@return the User-Agent sent with every request} */
  public String userAgent() {
    return headers.userAgent();
  }

  @Override
  public String toString() {
    return "HttpPipeline{" + settings.vendor().id() + ", " + settings.baseUrl() + "}";
  }
}
