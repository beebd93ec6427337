package dev.saasusers.common.http;

import java.time.Duration;

/**
 * The wait a vendor asked for with Retry-After, shared by every call of one client and the
 * clients derived from it: a 429 seen by one parallel page fetch holds back every other attempt
 * of the client until it has passed, so the window waits once instead of once per worker. A
 * Retry-After speaks for the credentials, not for one request, so the pause is client-wide.
 *
 * <p>Handed to the {@link RetryLoop} when a client is built; thread-safe.
 */
final class SharedPause {
  private final TimeSource time;
  private long openAtNanos;
  private boolean paused;

  SharedPause(TimeSource time) {
    this.time = time;
  }

  /** Holds back attempts that have not started until {@code delay} has passed; pauses overlap. */
  synchronized void pauseFor(Duration delay) {
    long openAt = time.nanoTime() + Math.max(0, TimeSource.saturatedNanos(delay));
    if (!paused || openAt - openAtNanos > 0) {
      openAtNanos = openAt;
      paused = true;
    }
  }

  /** {@return how long the pause lasts from now; zero when there is none} */
  synchronized Duration remaining() {
    if (!paused) {
      return Duration.ZERO;
    }
    long left = openAtNanos - time.nanoTime();
    if (left <= 0) {
      paused = false;
      return Duration.ZERO;
    }
    return Duration.ofNanos(left);
  }

  /** Waits out the pause, if any, on the calling thread. */
  void awaitOpen() throws InterruptedException {
    for (Duration left = remaining(); !left.isZero(); left = remaining()) {
      time.sleep(left);
    }
  }

  @Override
  public String toString() {
    return "SharedPause{remaining=" + remaining() + "}";
  }
}
