package dev.saasusers.common.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread that runs each registered task once its deadline has passed, unless it was
 * removed first. Unlike a {@code ScheduledThreadPoolExecutor}, adding a deadline later than the
 * one the thread already waits for wakes nothing: a sequential listing sends one request every
 * few hundred microseconds, each with a deadline seconds away, and waking a thread for every one
 * of them cost a measurable share of a page on two cores. The thread wakes at the earliest
 * deadline, runs what has expired, and waits for the next.
 */
final class DeadlineWatchdog {
  /** Far enough to never come, near enough that {@code now + it} cannot overflow. */
  private static final long NEVER = Long.MAX_VALUE / 4;
  /** {@link #plannedWake} while the thread looks for the earliest deadline. */
  private static final long SCANNING = Long.MIN_VALUE;

  /** A task and when it is due, in {@link System#nanoTime()} terms. */
  static final class Entry {
    private final long dueNanos;
    private final Runnable onExpiry;

    private Entry(long dueNanos, Runnable onExpiry) {
      this.dueNanos = dueNanos;
      this.onExpiry = onExpiry;
    }
  }

  private final Set<Entry> pending = ConcurrentHashMap.newKeySet();
  private final Thread thread;
  /** When the thread will wake next ({@code nanoTime}), {@link #SCANNING}, or idle: {@link #NEVER} ahead. */
  private volatile long plannedWake = SCANNING;
  private volatile boolean stopped;

  /**
   * Starts the daemon thread.
   *
   * @param name the thread's name
   */
  DeadlineWatchdog(String name) {
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Runs {@code onExpiry} on the watchdog thread once {@code delayNanos} have passed.
   *
   * @param delayNanos from now; saturated values are capped far in the future
   * @param onExpiry must be quick and must not throw
   * @return the entry, to pass to {@link #remove} when the deadline no longer matters
   */
  Entry add(long delayNanos, Runnable onExpiry) {
    Entry entry = new Entry(System.nanoTime() + Math.max(0, Math.min(delayNanos, NEVER)), onExpiry);
    pending.add(entry);
    long wake = plannedWake;
    if (wake == SCANNING || entry.dueNanos - wake < 0) {
      LockSupport.unpark(thread);
    }
    return entry;
  }

  /**
   * Forgets an entry: its task will not run. Wakes nothing.
   *
   * @param entry from {@link #add}
   */
  void remove(Entry entry) {
    pending.remove(entry);
  }

  /**
   * Ends the thread and waits for it; pending tasks are dropped. The SDK's own watchdog lives as
   * long as the JVM; this is for tests.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  void stop() throws InterruptedException {
    stopped = true;
    LockSupport.unpark(thread);
    thread.join(TimeUnit.SECONDS.toMillis(10));
  }

  private void run() {
    while (!stopped) {
      plannedWake = SCANNING;
      long now = System.nanoTime();
      long earliest = now + NEVER;
      for (Entry entry : pending) {
        if (entry.dueNanos - now <= 0) {
          if (pending.remove(entry)) {
            runQuietly(entry.onExpiry);
          }
        } else if (entry.dueNanos - earliest < 0) {
          earliest = entry.dueNanos;
        }
      }
      plannedWake = earliest;
      // An add() that saw SCANNING, or an earlier deadline, has unparked us: the park returns.
      LockSupport.parkNanos(this, earliest - now);
    }
  }

  private static void runQuietly(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // cutting off is best effort; the blocked read fails by its own timeout otherwise
    }
  }
}
