package dev.saasusers.common.http;

import dev.saasusers.common.auth.Authenticator;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.paging.BackoffGate;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides whether a failed attempt is retried, and waits. Replaces Feign's default retryer,
 * which caps every wait at 1 s and so cuts a Retry-After short.
 *
 * <p>Exponential backoff {@code initial * 2^n}, capped at the maximum, less up to 25% jitter
 * (Stainless); a Retry-After is waited as given (the error decoder already failed those over the
 * cap). A 401 retries once, without counting, when the authenticator dropped its credentials.
 * When retrying stops, the typed exception of the last failure is thrown. Within a
 * {@link SteppedCall} the policy decides the same way but, instead of sleeping, records the wait
 * on the call and throws the failure, so an asynchronous caller can schedule the next attempt.
 */
final class RetryPolicy implements Retryer {
  private final ClientOptions options;
  private final VendorProfile vendor;
  private final Authenticator authenticator;
  private final ClientListener listener;
  private int retries;
  private boolean authRetried;

  RetryPolicy(ClientOptions options, VendorProfile vendor, Authenticator authenticator,
      ClientListener listener) {
    this.options = options;
    this.vendor = vendor;
    this.authenticator = authenticator;
    this.listener = listener;
  }

  @Override
  public void continueOrPropagate(RetryableException e) {
    SdkException failure = failureOf(e);
    if (Thread.currentThread().isInterrupted()) {
      throw failure;
    }
    CallScope scope = CallScope.current();
    // A stepped call keeps its budget across attempts; the async listing schedules the wait.
    SteppedCall stepped = SteppedCall.current();
    int retries = stepped != null ? stepped.retries : this.retries;
    int attempt = scope == null ? retries + 1 : scope.attempt;
    Request request = e.hasRequest() ? e.request() : null;
    if (failure instanceof UnauthorizedException) {
      boolean alreadyRetried = stepped != null ? stepped.authRetried : authRetried;
      if (!alreadyRetried) {
        authRetried = true;
        if (stepped != null) {
          stepped.authRetried = true;
        }
        if (authenticator.invalidate(authorizationOf(request))) {
          notify(request, "HTTP 401", Duration.ZERO, false, attempt + 1);
          return;
        }
      }
      throw failure;
    }
    if (retries >= options.maxRetries()) {
      throw failure;
    }
    Optional<Duration> retryAfter = failure instanceof ApiException api
        ? api.retryAfter() : Optional.empty();
    Duration delay = retryAfter.orElseGet(() -> backoff(retries));
    this.retries++;
    if (stepped != null) {
      stepped.retries++;
    }
    // In a parallel listing, the server's wait applies to the whole window, not one worker.
    retryAfter.ifPresent(wait -> BackoffGate.current().ifPresent(gate -> gate.pauseFor(wait)));
    notify(request, causeOf(failure, e), delay, retryAfter.isPresent(), attempt + 1);
    if (stepped != null) {
      stepped.deferRetry(delay);
      throw failure;
    }
    sleep(delay, failure);
  }

  @Override
  public Retryer clone() {
    return new RetryPolicy(options, vendor, authenticator, listener);
  }

  private Duration backoff(int retry) {
    long initial = options.initialBackoff().toMillis();
    long max = options.maxBackoff().toMillis();
    long base = retry >= 30 ? max : Math.min(max, initial * (1L << retry));
    double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis((long) (base * jitter));
  }

  private void sleep(Duration delay, SdkException failure) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), 0);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      SdkException interrupted = new SdkException(
          failure.getMessage() + "; interrupted while waiting to retry", ie);
      interrupted.addSuppressed(failure);
      throw interrupted;
    }
  }

  private void notify(Request request, String cause, Duration delay, boolean fromRetryAfter,
      int nextAttempt) {
    String method = request == null ? "" : request.httpMethod().name();
    String path = request == null ? "" : ObservedTransport.pathOf(request.url());
    listener.onRetryScheduled(new ClientListener.RetryScheduled(
        vendor.id(), method, path, cause, delay, fromRetryAfter, nextAttempt));
  }

  private SdkException failureOf(RetryableException e) {
    if (e.getCause() instanceof SdkException sdk) {
      return sdk;
    }
    String configKey = e.hasRequest() && e.request().requestTemplate() != null
        && e.request().requestTemplate().methodMetadata() != null
        ? e.request().requestTemplate().methodMetadata().configKey() : null;
    String prefix = vendor.displayName() + " " + CallScope.operation(configKey) + " failed: ";
    if (e.getCause() instanceof IOException io) {
      return new ApiIoException(prefix + describe(io), io);
    }
    return new ApiIoException(prefix + "I/O error", e);
  }

  static String describe(IOException io) {
    String message = io.getMessage();
    String kind = io.getClass().getSimpleName();
    return "I/O error (" + kind + (message == null || message.isBlank() ? "" : ": "
        + Redaction.redactUrl(message.replaceAll("[\\r\\n]+", " "))) + ")";
  }

  private static String causeOf(SdkException failure, RetryableException e) {
    if (failure instanceof ApiException api) {
      return "HTTP " + api.statusCode();
    }
    Throwable cause = failure.getCause() != null ? failure.getCause() : e;
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage().replaceAll("[\\r\\n]+", " "));
  }

  private static String authorizationOf(Request request) {
    if (request == null) {
      return null;
    }
    for (var entry : request.headers().entrySet()) {
      if ("authorization".equalsIgnoreCase(entry.getKey())) {
        Collection<String> values = entry.getValue();
        return values.isEmpty() ? null : values.iterator().next();
      }
    }
    return null;
  }
}
