package dev.saasusers.common.paging;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A pause shared by every fetch of one listing run, so a 429 seen by one parallel worker slows
 * them all and Retry-After is honoured once for the whole window, not once per worker.
 *
 * <p>A {@link PagedIterable} binds its run's gate to the thread for the duration of each page
 * fetch and waits for the gate to open before starting every fetch. Code deep in the call (the
 * HTTP core's retryer) reaches it with {@link #current()}:
 *
 * <pre>{@code
 * BackoffGate.current().ifPresent(gate -> gate.pauseFor(retryAfter));
 * }</pre>
 */
public final class BackoffGate {
  private static final ThreadLocal<BackoffGate> CURRENT = new ThreadLocal<>();

  private long openAtNanos;
  private boolean paused;

  BackoffGate() {
  }

  /** @return the gate of the listing run whose page this thread is fetching, if any */
  public static Optional<BackoffGate> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Makes {@code gate} current on this thread; returns the previous one for {@link #restore}. */
  static BackoffGate bind(BackoffGate gate) {
    BackoffGate previous = CURRENT.get();
    CURRENT.set(gate);
    return previous;
  }

  static void restore(BackoffGate previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /**
   * Holds back every fetch of the run that has not started yet until {@code delay} has passed.
   * Overlapping pauses do not add up: the gate opens at the latest requested time.
   *
   * @param delay how long to pause, for example the server's Retry-After
   */
  public synchronized void pauseFor(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    long openAt = System.nanoTime() + Math.max(0, delay.toNanos());
    if (!paused || openAt - openAtNanos > 0) {
      openAtNanos = openAt;
      paused = true;
    }
    notifyAll();
  }

  /** @return how long the gate stays closed from now; zero when open */
  public synchronized Duration remainingPause() {
    long remaining = paused ? openAtNanos - System.nanoTime() : 0;
    return remaining > 0 ? Duration.ofNanos(remaining) : Duration.ZERO;
  }

  /**
   * Waits until the gate is open. A retryer may call this instead of sleeping on its own, so that
   * concurrent 429s share one wait.
   *
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public synchronized void awaitOpen() throws InterruptedException {
    while (paused) {
      long remaining = openAtNanos - System.nanoTime();
      if (remaining <= 0) {
        paused = false;
        return;
      }
      long millis = Math.max(1, remaining / 1_000_000);
      wait(millis);
    }
  }

  @Override
  public String toString() {
    return "BackoffGate{remainingPause=" + remainingPause() + "}";
  }
}
