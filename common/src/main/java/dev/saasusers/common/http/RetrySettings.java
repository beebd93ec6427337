package dev.saasusers.common.http;

import java.time.Duration;

/**
 * How a client retries: the budget, the backoff, the longest Retry-After it waits, and whether
 * writes may be sent again. Checked once, here.
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 * @param initialBackoff the first retry's backoff, doubled for each later retry
 * @param maxBackoff the longest backoff
 * @param maxRetryAfter the longest Retry-After that is waited; a longer one fails at once
 * @param retryNonIdempotent true to retry POST and PATCH like GET (the caller knows the
 *     operation is safe to repeat, for example it carries an idempotency key); false retries
 *     them only where the server provably did not process them
 */
public record RetrySettings(
    int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
    boolean retryNonIdempotent) {

  /**
   * Checks the settings.
   *
   * @param maxRetries retries after the first attempt, 0 or more
   * @param initialBackoff the first backoff, not negative
   * @param maxBackoff the longest backoff, not shorter than {@code initialBackoff}
   * @param maxRetryAfter the longest Retry-After waited, not negative
   * @param retryNonIdempotent true to retry POST and PATCH like GET
   * @throws IllegalArgumentException naming the first setting that is invalid
   */
  public RetrySettings {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries is negative: " + maxRetries);
    }
    notNegative("initialBackoff", initialBackoff);
    notNegative("maxBackoff", maxBackoff);
    notNegative("maxRetryAfter", maxRetryAfter);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff (" + maxBackoff + ") is shorter than initialBackoff (" + initialBackoff + ")");
    }
  }

  /** {@return settings that never retry, for calls outside a client} */
  public static RetrySettings none() {
    return new RetrySettings(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, false);
  }

  private static void notNegative(String setting, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(setting + " must not be negative: " + d);
    }
  }
}
