package dev.saasusers.common.paging;

import dev.saasusers.common.http.Attempt;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.RetryLoop;
import dev.saasusers.common.http.SdkException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One synchronous run of a listing: delivers pages in order while fetching ahead on an executor.
 * Each fetch of a client's listing runs the client's retry loop around the whole strategy
 * fetch, one attempt of the generated interface each, so an answer the strategy refuses (no
 * body, null items) is retried like one the decoder refused; without a loop, the fetch is one
 * call of the strategy. A Retry-After pauses the whole client, so parallel fetches wait it
 * together.
 *
 * <p>A window holds the pages fetched or being fetched that the caller has not taken yet; it
 * never holds more than {@code ahead} pages. The next page to schedule is known from the last
 * completed page ({@link PageFetcher#next}) or, in parallel mode, from the page count the first
 * page revealed. Every page taken is checked against the previous page's {@code next}, so a
 * speculative fetch that turns out wrong is discarded, never delivered.
 */
final class Listing<S, T> extends PageRun<T> {
  private final PageFetcher<S> fetcher;
  private final Function<Attempt, ? extends PageFetcher<S>> attemptFetchers;
  private final RetryLoop loop;
  private final long maxItems;
  private final int ahead;
  private final boolean parallel;
  private final Executor executor;
  private final RunProgress<S, T> progress;

  private final Object lock = new Object();
  private final ArrayDeque<Slot<S>> window = new ArrayDeque<>();
  /** Position of every slot created in this run, with its sequence number (repeat guard). */
  private final Map<PagePosition, Long> created = new HashMap<>();
  private long nextSeq;
  private int lastPageNumber; // parallel plan; 0 = unknown
  private int estimatedPageSize = -1;
  private boolean closed;

  // Consumer-side state, touched only by the iterating thread.
  private Throwable failure;

  Listing(
      String vendorId, String strategyId, PageFetcher<S> fetcher,
      Function<Attempt, ? extends PageFetcher<S>> attemptFetchers, RetryLoop loop,
      Function<? super S, ? extends T> mapper, Checkpoint start, long maxItems, int prefetch,
      int parallelism, Executor executor, ClientListener listener, boolean eventOnHandout,
      boolean secondPass) {
    super(vendorId, listener, eventOnHandout);
    this.fetcher = fetcher;
    this.attemptFetchers = loop == null ? null : attemptFetchers;
    this.loop = loop;
    this.maxItems = maxItems;
    this.parallel = parallelism > 1 && fetcher instanceof RandomAccessPageFetcher;
    this.ahead = parallel ? Math.max(prefetch, parallelism) : prefetch;
    this.executor = executor;
    this.progress = new RunProgress<>(vendorId, strategyId, mapper, start, maxItems, listener,
        fetcher, secondPass);
  }

  @Override
  public boolean hasNext() {
    if (prepared != null) {
      return true;
    }
    if (failure != null) {
      throw sneaky(failure);
    }
    prepared = advance();
    return prepared != null;
  }

  @Override
  public void close() {
    prepared = null;
    synchronized (lock) {
      closed = true;
      discardWindow();
    }
  }

  private Page<T> advance() {
    Slot<S> slot;
    boolean inline = false;
    synchronized (lock) {
      if (closed || progress.limitReached()) {
        closed = true;
        discardWindow();
        return null;
      }
      if (window.isEmpty()) {
        if (progress.next().isEmpty()) {
          closed = true;
          return null;
        }
        slot = newSlot(progress.next().get());
        inline = true;
      } else {
        slot = window.peekFirst();
      }
    }
    try {
      if (inline) {
        runFetch(slot);
      } else {
        slot.done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail(new SdkException("interrupted while waiting for a page of " + vendorId, e));
    } catch (ExecutionException e) {
      throw fail(e.getCause()); // not reached: done is completed with null only
    }
    try {
      return take(slot);
    } catch (Throwable e) {
      throw fail(e);
    }
  }

  private Page<T> take(Slot<S> slot) {
    Page<T> out;
    synchronized (lock) {
      if (window.peekFirst() != slot) {
        return null; // closed while waiting: the window was discarded
      }
      window.pollFirst();
      if (slot.error != null) {
        throw sneaky(slot.error);
      }
      int passBefore = progress.pass();
      out = progress.take(slot.position, slot.skip, slot.page, slot.next);
      Optional<PagePosition> afterTaken = progress.next();
      Slot<S> head = window.peekFirst();
      if (progress.pass() != passBefore) {
        discardWindow(); // read before the change was seen
        created.clear(); // a repair pass reads the same pages again: not a repeating cursor
      } else if (head != null
          && (afterTaken.isEmpty() || !head.position.equals(afterTaken.get()))) {
        discardWindow(); // speculative pages that do not follow this one
      }
      pump();
    }
    return out;
  }

  private RuntimeException fail(Throwable t) {
    failure = failureOf(t, progress);
    close();
    return sneaky(failure);
  }

  /**
   * The exception a run ends with: an {@link SdkException} (others are wrapped in one) made with
   * the checkpoint of the last page delivered; the original is left as it was.
   */
  static Throwable failureOf(Throwable t, RunProgress<?, ?> progress) {
    if (t instanceof Error) {
      return t;
    }
    SdkException sdk = t instanceof SdkException e ? e
        : new SdkException("listing " + progress.vendorId() + " failed while fetching page "
            + (progress.pagesTaken() + 1) + ": " + t.getClass().getName(), t);
    return sdk.withCheckpoint(progress.lastCheckpoint());
  }

  private Slot<S> newSlot(PagePosition position) {
    int skip = progress.skipForPage(nextSeq); // a resumed run skips items already delivered
    Slot<S> slot = new Slot<>(position, nextSeq++, skip);
    created.put(position, slot.seq);
    window.addLast(slot);
    return slot;
  }

  /** Schedules fetches ahead while the window, the item budget and the known positions allow. */
  private void pump() {
    while (!closed && window.size() < ahead) {
      if (budgetCovered()) {
        return;
      }
      Optional<PagePosition> position = nextToSchedule();
      if (position.isEmpty()) {
        return;
      }
      Slot<S> slot = newSlot(position.get());
      try {
        executor.execute(() -> runFetch(slot));
      } catch (RuntimeException e) { // rejected: surfaces when the caller reaches this page
        slot.error = e;
        slot.done.complete(null);
        return;
      }
    }
  }

  private Optional<PagePosition> nextToSchedule() {
    Slot<S> last = window.peekLast();
    if (last == null) {
      return progress.next();
    }
    if (last.error != null) {
      return Optional.empty();
    }
    if (last.page != null) {
      return last.next;
    }
    OptionalInt number = last.position.pageNumber();
    if (lastPageNumber > 0 && number.isPresent() && number.getAsInt() < lastPageNumber) {
      return Optional.of(PagePosition.ofPageNumber(number.getAsInt() + 1));
    }
    return Optional.empty();
  }

  /** True when the pages taken and in the window already hold {@code maxItems} items. */
  private boolean budgetCovered() {
    if (maxItems < 0) {
      return false;
    }
    long items = progress.itemsTaken();
    for (Slot<S> slot : window) {
      if (slot.page != null) {
        items += Math.max(0, slot.page.items().size() - slot.skip);
      } else if (slot.error == null) {
        if (estimatedPageSize <= 0) {
          return true; // cannot tell how many items are on the way: do not speculate
        }
        items += estimatedPageSize;
      }
    }
    return items >= maxItems;
  }

  private void discardWindow() {
    for (Slot<S> slot : window) {
      slot.discarded = true;
    }
    window.clear();
  }

  /** Fetches one slot's page, on an executor thread or inline on the caller's. */
  private void runFetch(Slot<S> slot) {
    Page<S> page = null;
    Optional<PagePosition> next = Optional.empty();
    Throwable error = null;
    try {
      if (!slot.discarded) {
        page = fetchOnce(slot.position);
        if (page == null) {
          throw new IllegalStateException("the page fetcher returned no page");
        }
        // An empty page ends the listing even when the server says there is more: never spin.
        next = page.items().isEmpty() ? Optional.empty() : fetcher.next(page);
      }
    } catch (Throwable e) {
      error = e;
    }
    synchronized (lock) {
      if (error == null && page != null && next.isPresent()) {
        Long seenAt = created.get(next.get());
        if (seenAt != null && seenAt <= slot.seq) {
          error = repeatedCursor(next.get(), slot.position, vendorId);
          page = null;
        }
      }
      slot.page = page;
      slot.next = next;
      slot.error = error;
      if (page != null && parallel && lastPageNumber == 0 && slot.seq == 0) {
        @SuppressWarnings("unchecked")
        RandomAccessPageFetcher<S> randomAccess = (RandomAccessPageFetcher<S>) fetcher;
        lastPageNumber = randomAccess.lastPageNumber(page).orElse(-1);
        estimatedPageSize = page.items().size();
      }
      if (!slot.discarded) {
        pump();
      }
    }
    slot.done.complete(null);
  }

  private Page<S> fetchOnce(PagePosition position) {
    return fetchOnce(fetcher, attemptFetchers, loop, position);
  }

  /**
   * One page fetch: the whole strategy fetch as one attempt of {@code loop}, or one call of
   * the strategy when there is no loop ({@code attemptFetchers} null).
   */
  static <S> Page<S> fetchOnce(PageFetcher<S> fetcher,
      Function<Attempt, ? extends PageFetcher<S>> attemptFetchers, RetryLoop loop,
      PagePosition position) {
    if (attemptFetchers == null) {
      return fetcher.fetch(position);
    }
    return loop.run("page", attempt -> attemptFetchers.apply(attempt).fetch(position));
  }

  static PagingException repeatedCursor(PagePosition next, PagePosition at, String vendorId) {
    return new PagingException("the server repeated cursor '"
        + next.token().orElse(next.asString()) + "' (page at " + at.asString()
        + "); stopping the listing of " + vendorId + " instead of looping");
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }

  private static final class Slot<S> {
    final PagePosition position;
    final long seq;
    final int skip;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    Page<S> page;
    Optional<PagePosition> next = Optional.empty();
    Throwable error;
    volatile boolean discarded;

    Slot(PagePosition position, long seq, int skip) {
      this.position = position;
      this.seq = seq;
      this.skip = skip;
    }
  }
}
