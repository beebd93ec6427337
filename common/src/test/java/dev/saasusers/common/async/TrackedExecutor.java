package dev.saasusers.common.async;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executor;

/**
 * An executor that knows when none of its tasks is running, so a test can wait for an
 * asynchronous listing to settle instead of sleeping.
 */
final class TrackedExecutor implements Executor, AutoCloseable {
  // Fixed size: a test that counts live threads must not see the pool grow with the load.
  private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "tracked-test-executor");
    t.setDaemon(true);
    return t;
  });
  private int running;
  private long started;

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      running++;
      started++;
    }
    pool.execute(() -> {
      try {
        task.run();
      } finally {
        synchronized (this) {
          running--;
          notifyAll();
        }
      }
    });
  }

  /** Waits until no task runs; a task that a running task submits counts before it ends. */
  synchronized void awaitIdle() throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (running > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException(running + " tasks still running");
      }
      wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
    }
  }

  /** @return tasks started so far */
  synchronized long started() {
    return started;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
