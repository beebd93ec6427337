package dev.saasusers.common.http;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what a client does through SLF4J, under the logger {@value #LOGGER_NAME}. Every client
 * registers one. Off unless that logger is enabled: DEBUG logs one line per attempt (method, URL,
 * status, duration, attempt) and each retry; TRACE also logs request and response bodies, cut to
 * {@value #MAX_TRACE_BODY_CHARS} characters. Credentials are redacted at every level.
 */
public final class LoggingListener implements ClientListener {
  /** The SLF4J logger name to enable: DEBUG for attempts, TRACE for bodies. */
  public static final String LOGGER_NAME = "dev.saasusers.http";
  /** The longest body text logged at TRACE. */
  public static final int MAX_TRACE_BODY_CHARS = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
  private final String origin;

  /**
   * Creates a {@code LoggingListener}.
   *
   * @param origin scheme, host and port put in front of each logged path, for example
   *     {@code https://api.example.com}; empty for none
   */
  public LoggingListener(String origin) {
    this.origin = origin == null ? "" : origin;
  }

  @Override
  public void onResponseReceived(ResponseReceived e) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} {}{} -> {} in {} ms (attempt {})", e.vendor(), e.method(), origin, e.path(),
          e.status() == 0 ? "I/O error" : String.valueOf(e.status()), e.duration().toMillis(),
          e.attempt());
    }
  }

  @Override
  public void onRetryScheduled(RetryScheduled e) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} {}{} will retry in {} ms{} after {} (attempt {} next)", e.vendor(),
          e.method(), origin, e.path(), e.delay().toMillis(),
          e.fromRetryAfter() ? " (Retry-After)" : "", e.cause(), e.nextAttempt());
    }
  }

  @Override
  public void onTokenFetched(TokenFetched e) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} fetched an OAuth2 token ({}), expires in {}{}", e.vendor(), e.grant(),
          e.expiresIn(), e.refresh() ? " (refresh)" : "");
    }
  }

  @Override
  public void onPagingAnomaly(PagingAnomaly e) {
    LOG.debug("{} listing, page {} ({}): {}: {}; the listing {}", e.vendor(), e.pageIndex() + 1,
        e.position(), e.kind(), e.detail(), e.outcome().name().toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public void onDirectoryChanged(DirectoryChanged e) {
    LOG.debug("{} listing, page {} ({}), pass {}: the directory changed: {}", e.vendor(),
        e.pageIndex() + 1, e.position(), e.pass(), e.detail());
  }

  @Override
  public void onDirectoryRepaired(DirectoryRepaired e) {
    // DEBUG like anomalies: the caller (the CLI's one stderr line) decides what to show.
    LOG.debug("{} listing, after a change under it: {} pages read again, {} users recovered, {}",
        e.vendor(), e.pagesReadAgain(), e.usersRecovered(), e.proven() ? "repaired" : "not proven");
  }

  static boolean traceEnabled() {
    return LOG.isTraceEnabled();
  }

  /** Logs a body at TRACE, redacted, scrubbed of the client's secrets, and bounded. */
  static void traceBody(String vendor, String direction, String contentType, byte[] body,
      SecretRegistry secrets) {
    if (!LOG.isTraceEnabled() || body == null) {
      return;
    }
    int n = Math.min(body.length, MAX_TRACE_BODY_CHARS);
    String text = new String(body, 0, n, StandardCharsets.UTF_8);
    LOG.trace("{} {} body ({} bytes{}): {}", vendor, direction, body.length,
        body.length > n ? ", cut" : "", secrets.scrub(Redaction.redactBody(contentType, text)));
  }

  /** Logs a request's headers at TRACE, redacted and scrubbed of the client's secrets. */
  static void traceHeaders(String vendor, String direction,
      java.util.Map<String, ? extends java.util.Collection<String>> headers, SecretRegistry secrets) {
    if (!LOG.isTraceEnabled() || headers == null) {
      return;
    }
    StringBuilder b = new StringBuilder();
    headers.forEach((name, values) -> values.forEach(v ->
        b.append(b.length() == 0 ? "" : ", ").append(name).append(": ")
            .append(secrets.scrub(Redaction.redactHeader(name, v)))));
    LOG.trace("{} {} headers: {}", vendor, direction, b);
  }
}
