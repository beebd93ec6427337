package dev.saasusers.common.config;

/**
 * What a client allows itself: a request rate shared by all its threads, and the largest
 * response body it reads. Checked once, here.
 *
 * @param requestsPerSecond the most requests a second; 0 for no limit
 * @param maxResponseBytes the largest response body read; a larger one fails with a decode error
 */
public record Limits(double requestsPerSecond, long maxResponseBytes) {
  /** No rate limit; bodies up to 32 MiB. */
  public static final Limits DEFAULT = new Limits(0, 32L * 1024 * 1024);

  /**
   * Checks the limits.
   *
   * @param requestsPerSecond 0 or a positive finite number
   * @param maxResponseBytes positive
   * @throws IllegalArgumentException naming the limit that is invalid
   */
  public Limits {
    if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "requestsPerSecond must be 0 (off) or a positive number: " + requestsPerSecond);
    }
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
    }
  }
}
