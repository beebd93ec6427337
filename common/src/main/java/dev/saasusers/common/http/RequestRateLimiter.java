package dev.saasusers.common.http;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.time.Duration;

/**
 * Spaces requests so that a client sends at most N per second, across all threads that share
 * it. Each attempt, retries included, takes the next free slot; a thread waits for its slot on
 * the client's {@link TimeSource}.
 */
final class RequestRateLimiter implements RequestInterceptor {
  private final long intervalNanos;
  private final TimeSource time;
  private long nextSlot;

  RequestRateLimiter(double requestsPerSecond, TimeSource time) {
    this.intervalNanos = (long) (1_000_000_000L / requestsPerSecond);
    this.time = time;
    this.nextSlot = time.nanoTime();
  }

  double requestsPerSecond() {
    return 1_000_000_000d / intervalNanos;
  }

  @Override
  public void apply(RequestTemplate template) {
    long wait = reserve();
    if (wait <= 0) {
      return;
    }
    try {
      time.sleep(Duration.ofNanos(wait));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SdkException("interrupted while waiting for the client-side rate limit", e);
    }
  }

  private synchronized long reserve() {
    long now = time.nanoTime();
    long slot = Math.max(now, nextSlot);
    nextSlot = slot + intervalNanos;
    return slot - now;
  }
}
