package dev.saasusers.cli;

import dev.saasusers.common.http.ClientListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows listing progress on stderr from the client's page events: users so far, pages and users
 * per second, on one line that it rewrites.
 */
final class ProgressReporter implements ClientListener {
  private final PrintStream err;
  private final long startNanos = System.nanoTime();
  private final AtomicLong users = new AtomicLong();
  private final AtomicLong pages = new AtomicLong();

  ProgressReporter(PrintStream err) {
    this.err = err;
  }

  @Override
  public void onPageDelivered(PageDelivered event) {
    long total = users.addAndGet(event.items());
    long pageCount = pages.incrementAndGet();
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    err.printf("\r%,d users, %,d pages, %,.0f users/s ", total, pageCount, total / seconds);
    err.flush();
  }

  void finish() {
    if (pages.get() > 0) {
      err.println();
    }
  }
}
