package dev.saasusers.common.http;

import feign.Request;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP attempt of a call, handed explicitly down Feign's own per-request seam: the retry
 * loop passes it as the call's {@link Request.Options}, so the transport reads the attempt
 * number and deadline from its {@code options} argument instead of from shared state.
 *
 * <p>The read timeout never exceeds the attempt's deadline, so a single blocking read cannot
 * outlast it either. Only the retry loop makes attempts; code outside {@code http} only passes
 * them on (see {@link RetryLoop#runAsync}).
 */
public final class Attempt extends Request.Options {
  private final int number;
  private final String operation;
  private final Duration deadline;
  /** What the transport sent, recorded for the retry decision and its event. */
  private volatile String sentMethod;
  private volatile String sentPath;
  /** The Authorization value sent, for a 401 refresh; never printed. */
  private volatile String sentAuthorization;

  Attempt(Request.Options timeouts, Duration deadline, int number, String operation) {
    super(Math.min(timeouts.connectTimeoutMillis(), millis(deadline)), TimeUnit.MILLISECONDS,
        Math.min(timeouts.readTimeoutMillis(), millis(deadline)), TimeUnit.MILLISECONDS,
        timeouts.isFollowRedirects());
    this.number = number;
    this.operation = operation;
    this.deadline = deadline;
  }

  private static long millis(Duration d) {
    return Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  /** {@return 1 for the first attempt of a call, 2 for its first retry, ...} */
  public int number() {
    return number;
  }

  /** {@return the operation, for example {@code listUsers}} */
  String operation() {
    return operation;
  }

  /** {@return the longest this attempt may take, connect to last byte} */
  Duration deadline() {
    return deadline;
  }

  void recordSent(String method, String path, String authorization) {
    sentMethod = method;
    sentPath = path;
    sentAuthorization = authorization;
  }

  /** {@return the HTTP method sent, or null when the attempt sent no request} */
  String sentMethod() {
    return sentMethod;
  }

  /** {@return the redacted path sent, or null when the attempt sent no request} */
  String sentPath() {
    return sentPath;
  }

  String sentAuthorization() {
    return sentAuthorization;
  }

  @Override
  public String toString() {
    return "Attempt{" + operation + " #" + number + ", deadline=" + deadline + "}";
  }
}
