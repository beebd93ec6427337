package dev.saasusers.common.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/**
 * Time for tests: waits take no real time. A retry after {@code Retry-After: 1} happens at
 * once, while the client's clock moves on by a second, so token expiry, backoff and the shared
 * pause behave as they would. Every wait is recorded, so a test can assert what the client
 * waited instead of measuring it.
 *
 * <pre>{@code
 * VirtualTime time = VirtualTime.create();
 * DatagridClient client = DatagridClient.builder().apiKey("k").baseUrl(fake.baseUrl())
 *     .timeSource(time).build();
 * client.users().list().toList();                    // the fake answered 429 once
 * assertEquals(List.of(Duration.ofSeconds(1)), time.waits());
 * }</pre>
 *
 * <p>Synchronous waits always pass at once. Scheduled (asynchronous) waits pass at once too,
 * unless {@link #holdScheduled()} was called: then they run only when {@link #advance} reaches
 * them, so a test can act during a wait. Thread-safe. The attempt deadline is not virtual: it
 * bounds real I/O.
 */
public final class VirtualTime implements TimeSource {
  private final Instant epoch;
  private final List<Duration> waits = new ArrayList<>();
  private final PriorityQueue<Due> held = new PriorityQueue<>();
  private long nanos;
  private long sequence;
  private boolean holdScheduled;

  private VirtualTime(Instant epoch) {
    this.epoch = epoch;
  }

  /** {@return virtual time starting at 2026-01-01T00:00:00Z} */
  public static VirtualTime create() {
    return new VirtualTime(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /**
   * Makes scheduled waits wait for {@link #advance}, instead of passing at once.
   *
   * @return this
   */
  public synchronized VirtualTime holdScheduled() {
    holdScheduled = true;
    return this;
  }

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public Clock clock() {
    return new VirtualClock(ZoneOffset.UTC);
  }

  @Override
  public void sleep(Duration delay) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before a virtual wait");
    }
    long d = TimeSource.saturatedNanos(delay);
    if (d > 0) {
      synchronized (this) {
        waits.add(delay);
        nanos += d;
      }
    }
  }

  @Override
  public void schedule(Duration delay, Executor executor, Runnable task) {
    long d = Math.max(0, TimeSource.saturatedNanos(delay));
    synchronized (this) {
      if (d > 0) {
        waits.add(delay);
      }
      if (holdScheduled && d > 0) {
        held.add(new Due(nanos + d, sequence++, executor, task));
        return;
      }
      nanos += d;
    }
    executor.execute(task);
  }

  /**
   * Moves the clock on, running the held scheduled waits that come due.
   *
   * @param by how far
   */
  public void advance(Duration by) {
    List<Due> due = new ArrayList<>();
    synchronized (this) {
      nanos += Math.max(0, TimeSource.saturatedNanos(by));
      while (!held.isEmpty() && held.peek().atNanos <= nanos) {
        due.add(held.poll());
      }
    }
    due.forEach(d -> d.executor.execute(d.task));
  }

  /** {@return how many scheduled waits are held, waiting for {@link #advance}} */
  public synchronized int heldCount() {
    return held.size();
  }

  /** {@return every wait asked for so far, in order (sleeps and scheduled waits)} */
  public synchronized List<Duration> waits() {
    return Collections.unmodifiableList(new ArrayList<>(waits));
  }

  /** {@return how far the virtual clock has moved} */
  public synchronized Duration elapsed() {
    return Duration.ofNanos(nanos);
  }

  @Override
  public synchronized String toString() {
    return "VirtualTime{elapsed=" + Duration.ofNanos(nanos) + ", waits=" + waits.size() + "}";
  }

  private record Due(long atNanos, long seq, Executor executor, Runnable task)
      implements Comparable<Due> {
    @Override
    public int compareTo(Due other) {
      int byTime = Long.compare(atNanos, other.atNanos);
      return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
  }

  private final class VirtualClock extends Clock {
    private final ZoneId zone;

    VirtualClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
      return new VirtualClock(newZone);
    }

    @Override
    public Instant instant() {
      return epoch.plusNanos(nanoTime());
    }
  }
}
