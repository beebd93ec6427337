package dev.saasusers.common.http;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One API call run one attempt at a time, so that an asynchronous caller can schedule the waits
 * between attempts instead of sleeping on a thread. The client's {@link RetryPolicy} still makes
 * every decision (retryable status or I/O error, Retry-After, backoff, the retry budget, the 401
 * refresh); while a stepped attempt runs it records the wait it would have slept and rethrows the
 * failure. The retry budget and attempt numbers carry over from one attempt to the next.
 *
 * <pre>{@code
 * SteppedCall call = SteppedCall.start();
 * try {
 *   return call.attempt(() -> api.listUsers());
 * } catch (SdkException e) {
 *   Optional<Duration> wait = call.retryDelay(); // present: run attempt(...) again after it
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one logical call, its attempts in sequence (on any threads).
 */
public final class SteppedCall {
  private static final ThreadLocal<SteppedCall> CURRENT = new ThreadLocal<>();

  int retries;
  boolean authRetried;
  int attempts;
  private Duration pendingDelay;

  private SteppedCall() {
  }

  /** @return a call with its whole retry budget left */
  public static SteppedCall start() {
    return new SteppedCall();
  }

  static SteppedCall current() {
    return CURRENT.get();
  }

  /**
   * Runs one attempt (a 401 answered by refreshed credentials may add one immediate attempt).
   *
   * @param call the API call, for example a page fetch
   * @param <R> its result type
   * @return the call's result
   * @throws RuntimeException the call's failure; then {@link #retryDelay()} tells whether the
   *     retry policy wants another attempt
   */
  public <R> R attempt(Supplier<R> call) {
    pendingDelay = null;
    SteppedCall previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return call.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /**
   * @return after a failed {@link #attempt}, how long to wait before the next one; empty when
   *     the failure is final (not retryable, or the retry budget is spent)
   */
  public Optional<Duration> retryDelay() {
    return Optional.ofNullable(pendingDelay);
  }

  /** @return attempts sent so far, counting every HTTP request of this call */
  public int attempts() {
    return attempts;
  }

  void deferRetry(Duration delay) {
    pendingDelay = delay;
  }

  @Override
  public String toString() {
    return "SteppedCall{attempts=" + attempts + ", retries=" + retries + "}";
  }
}
