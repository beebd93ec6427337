package dev.saasusers.common.http;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Where a client reads the time and waits: retry backoff, Retry-After, the shared rate-limit
 * pause, the client-side rate limit and token expiry all go through one instance. The system one
 * waits for real; a test passes a virtual one (the {@code testing} module's {@code VirtualTime})
 * so that a 429 with {@code Retry-After: 1} costs no real second.
 *
 * <pre>{@code
 * DatagridClient.builder().apiKey(key).options(o -> o.timeSource(virtualTime)).build();
 * }</pre>
 *
 * <p>The deadline of one attempt ({@code ClientOptions.timeout()}) is measured on the real
 * clock, since it bounds real I/O. Implementations are thread-safe.
 */
public interface TimeSource {

  /** {@return a monotonic reading in nanoseconds, for measuring waits} */
  long nanoTime();

  /** {@return the wall clock, for token expiry} */
  Clock clock();

  /**
   * Blocks the calling thread for {@code delay}; a synchronous call's retry wait.
   *
   * @param delay how long; zero or negative returns at once
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration delay) throws InterruptedException;

  /**
   * Runs {@code task} on {@code executor} once {@code delay} has passed, holding no thread in
   * between; an asynchronous call's retry wait.
   *
   * @param delay how long to wait
   * @param executor where the task runs
   * @param task what to run
   */
  void schedule(Duration delay, Executor executor, Runnable task);

  /**
   * {@return its length in nanoseconds, saturated at {@code Long.MAX_VALUE} (about 292 years)
   *     instead of overflowing}
   *
   * @param duration any duration
   */
  static long saturatedNanos(Duration duration) {
    return duration.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE
        : duration.getSeconds() <= Long.MIN_VALUE / 1_000_000_000L + 1 ? Long.MIN_VALUE
        : duration.toNanos();
  }

  /** {@return the real clock and real waits} */
  static TimeSource system() {
    return SystemTime.INSTANCE;
  }

  /** The real time source. */
  final class SystemTime implements TimeSource {
    static final SystemTime INSTANCE = new SystemTime();

    private SystemTime() {
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }

    @Override
    public void sleep(Duration delay) throws InterruptedException {
      long nanos = saturatedNanos(delay);
      if (nanos > 0) {
        TimeUnit.NANOSECONDS.sleep(nanos);
      }
    }

    @Override
    public void schedule(Duration delay, Executor executor, Runnable task) {
      long nanos = Math.max(0, saturatedNanos(delay));
      Executor later = nanos == 0 ? executor
          : CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, executor);
      later.execute(task);
    }

    @Override
    public String toString() {
      return "TimeSource.system()";
    }
  }
}
