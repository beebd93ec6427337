package dev.saasusers.common.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog runs what expired and nothing that was removed, also when a nearer deadline
 * arrives while it waits for a farther one. Waits are on latches, bounded; no timing asserted.
 */
class DeadlineWatchdogTest {
  private final DeadlineWatchdog watchdog = new DeadlineWatchdog("test-deadline");

  @AfterEach
  void stop() throws InterruptedException {
    watchdog.stop();
  }

  @Test
  void aNearerDeadlineAddedWhileWaitingForAFartherOneStillFires() throws InterruptedException {
    AtomicBoolean far = new AtomicBoolean();
    watchdog.add(TimeUnit.HOURS.toNanos(1), () -> far.set(true));
    CountDownLatch near = new CountDownLatch(1);
    watchdog.add(TimeUnit.MILLISECONDS.toNanos(1), near::countDown);
    assertTrue(near.await(10, TimeUnit.SECONDS), "the near deadline ran");
    assertFalse(far.get(), "the far one did not");
  }

  @Test
  void aRemovedEntryNeverRuns() throws InterruptedException {
    AtomicBoolean removed = new AtomicBoolean();
    DeadlineWatchdog.Entry entry = watchdog.add(TimeUnit.MILLISECONDS.toNanos(20), () -> removed.set(true));
    watchdog.remove(entry);
    CountDownLatch later = new CountDownLatch(1);
    watchdog.add(TimeUnit.MILLISECONDS.toNanos(40), later::countDown);
    assertTrue(later.await(10, TimeUnit.SECONDS), "a later deadline ran");
    assertFalse(removed.get(), "the removed one, due earlier, did not");
  }

  @Test
  void aSaturatedDelayIsFarAwayNotInThePast() throws InterruptedException {
    AtomicBoolean never = new AtomicBoolean();
    watchdog.add(Long.MAX_VALUE, () -> never.set(true));
    CountDownLatch soon = new CountDownLatch(1);
    watchdog.add(0, soon::countDown);
    assertTrue(soon.await(10, TimeUnit.SECONDS));
    assertFalse(never.get(), "Long.MAX_VALUE did not overflow into the past");
  }
}
