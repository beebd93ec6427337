package dev.saasusers.common.paging;

import dev.saasusers.common.http.Attempt;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.RetryLoop;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One asynchronous run of a {@link PagedIterable}: pages as {@link CompletableFuture}s, or every
 * item into a consumer. Get one with {@link PagedIterable#async()}.
 *
 * <pre>{@code
 * client.users().list().async().forEach(user -> store.save(user))
 *     .thenRun(() -> System.out.println("done"));
 * AsyncPager<User> pager = client.users().list().async();
 * pager.nextPage().thenAccept(page -> page.ifPresent(p -> save(p.items(), p.checkpoint())));
 * }</pre>
 *
 * <p>Requests run on the listing's executor (the client's {@code ClientOptions.executor()} when
 * one was given), else on a small shared pool. Each page fetch runs the client's
 * {@link RetryLoop} asynchronously: the same retry decisions as a synchronous call (statuses,
 * Retry-After, backoff, budget, idempotency), but every wait is scheduled, never slept, so
 * while a listing waits on a Retry-After it holds no thread.
 *
 * <p>Pages come in order. With prefetch (the listing's {@code prefetch(n)}, one page by
 * default, as the synchronous listing), the next page is fetched while the caller consumes the
 * current one; {@code prefetch(0)} fetches each page only when asked, and a listing with
 * {@code maxItems} sends only the requests it needs. The guarantees are the synchronous listing's,
 * because both take each page through the same run state: {@code maxItems}, resuming from a
 * checkpoint, the repeated-cursor and empty-page guards, every item exactly once, and a failure
 * carrying the checkpoint of the last delivered page. Calls to {@link #nextPage()} may overlap;
 * they are served in order.
 *
 * @param <T> the item type
 */
public final class AsyncPager<T> implements AutoCloseable {
  private final Fetch<?, T> fetch;
  private final ClientListener listener;
  private final Object lock = new Object();
  private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
  private volatile boolean closed;

  <S> AsyncPager(String vendorId, String strategyId, PageFetcher<S> fetcher,
      Function<Attempt, ? extends PageFetcher<S>> attemptFetchers, RetryLoop loop,
      Function<? super S, ? extends T> mapper, Checkpoint start, long maxItems, int prefetch,
      Executor executor, ClientListener listener, boolean secondPass) {
    this.fetch = new Fetch<>(fetcher, attemptFetchers, loop, executor,
        new RunProgress<>(vendorId, strategyId, mapper, start, maxItems, listener, fetcher,
            secondPass), prefetch > 0);
    this.listener = listener;
  }

  /**
   * Fetches the next page.
   *
   * @return a future of the next page, or of empty when the listing has ended; it fails with
   *     the {@link dev.saasusers.common.http.SdkException} that ended the listing, carrying the
   *     checkpoint of the last page delivered
   */
  public CompletableFuture<Optional<Page<T>>> nextPage() {
    CompletableFuture<Optional<Page<T>>> page = queueNext();
    return page.thenApply(p -> {
      p.ifPresent(this::delivered);
      return p;
    });
  }

  /**
   * Delivers every remaining item, page by page, to {@code action} on the executor's threads
   * (one item at a time, in order). A page is reported delivered once its last item returned.
   *
   * @param action receives each item; when it throws, the listing stops and the future fails
   *     with that exception
   * @return a future that completes after the last item, or fails like {@link #nextPage()};
   *     cancelling it stops the listing before its next page
   */
  public CompletableFuture<Void> forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    CompletableFuture<Void> done = new CompletableFuture<>();
    forEachFrom(action, done);
    return done;
  }

  private void forEachFrom(Consumer<? super T> action, CompletableFuture<Void> done) {
    queueNext().whenComplete((page, error) -> {
      if (error != null) {
        done.completeExceptionally(unwrap(error));
        return;
      }
      if (page.isEmpty()) {
        done.complete(null);
        return;
      }
      if (done.isDone()) { // cancelled by the caller
        close();
        return;
      }
      try {
        page.get().items().forEach(action);
        delivered(page.get());
      } catch (Throwable t) {
        close();
        done.completeExceptionally(t);
        return;
      }
      if (done.isDone()) { // cancelled by the caller while it consumed this page
        close();
        return;
      }
      forEachFrom(action, done);
    });
  }

  /** Chains the next fetch after the previous request, so overlapping calls are served in order. */
  private CompletableFuture<Optional<Page<T>>> queueNext() {
    CompletableFuture<Optional<Page<T>>> result = new CompletableFuture<>();
    synchronized (lock) {
      CompletableFuture<?> previous = tail;
      tail = result;
      previous.whenComplete((ignored, error) -> fetch.next(() -> closed, result));
    }
    return result;
  }

  private void delivered(Page<T> page) {
    if (listener != null) {
      listener.onPageDelivered(new ClientListener.PageDelivered(
          fetch.progress.vendorId(), page.index(), page.items().size(), page.checkpoint()));
    }
  }

  /**
   * Stops the listing: a pending retry is not sent, and the pending and later
   * {@link #nextPage()} calls complete with empty.
   */
  @Override
  public void close() {
    closed = true;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  @Override
  public String toString() {
    return "AsyncPager{itemsDelivered=" + fetch.progress.itemsTaken() + ", closed=" + closed + "}";
  }

  /** A page fetched ahead of the caller: where, how many of its items to skip, the fetch. */
  private record Ahead<S>(PagePosition at, int skip, CompletableFuture<Page<S>> page) {
  }

  /** The run: fetches one page at a time and takes it through the shared run state. */
  private static final class Fetch<S, T> {
    final PageFetcher<S> fetcher;
    final Function<Attempt, ? extends PageFetcher<S>> attemptFetchers;
    final RetryLoop loop;
    final Executor executor;
    final RunProgress<S, T> progress;
    final boolean prefetch;
    final Set<PagePosition> fetched = new HashSet<>();
    long pageSeq;
    Throwable failure; // ends the run; every later call fails with it
    /** The page after the last one delivered, already being fetched; null when none is. */
    Ahead<S> ahead;

    Fetch(PageFetcher<S> fetcher, Function<Attempt, ? extends PageFetcher<S>> attemptFetchers,
        RetryLoop loop, Executor executor, RunProgress<S, T> progress, boolean prefetch) {
      this.fetcher = fetcher;
      this.attemptFetchers = attemptFetchers;
      this.loop = loop;
      this.executor = executor;
      this.progress = progress;
      this.prefetch = prefetch;
    }

    private CompletableFuture<Page<S>> start(PagePosition at,
        java.util.function.BooleanSupplier closed) {
      try {
        return attemptFetchers == null
            ? CompletableFuture.supplyAsync(() -> fetcher.fetch(at), executor)
            : loop.runAsync("page", attempt -> attemptFetchers.apply(attempt).fetch(at),
                executor, closed);
      } catch (RuntimeException rejected) {
        return CompletableFuture.failedFuture(rejected);
      }
    }

    /** Fetches and delivers the next page into {@code result}; runs one call at a time. */
    void next(java.util.function.BooleanSupplier closed,
        CompletableFuture<Optional<Page<T>>> result) {
      if (failure != null) {
        result.completeExceptionally(failure);
        return;
      }
      Optional<PagePosition> position = progress.next();
      if (closed.getAsBoolean() || position.isEmpty()) {
        result.complete(Optional.empty());
        return;
      }
      PagePosition at = position.get();
      int skip;
      CompletableFuture<Page<S>> page;
      if (ahead != null && ahead.at().equals(at)) {
        skip = ahead.skip();
        page = ahead.page();
      } else {
        skip = progress.skipForPage(pageSeq++);
        page = start(at, closed);
      }
      ahead = null;
      page.whenComplete((fetchedPage, error) -> {
        if (closed.getAsBoolean()) { // closed during the fetch or a retry wait: deliver nothing
          result.complete(Optional.empty());
          return;
        }
        try {
          if (error != null) {
            throw unwrap(error);
          }
          Page<T> delivered = take(at, skip, fetchedPage);
          fetchAhead(closed);
          result.complete(Optional.of(delivered));
        } catch (Throwable t) {
          failure = Listing.failureOf(t, progress);
          result.completeExceptionally(failure);
        }
      });
    }

    /**
     * Starts the next page while the caller consumes this one. Not with {@code maxItems}: a
     * bounded listing sends exactly the requests it needs.
     */
    private void fetchAhead(java.util.function.BooleanSupplier closed) {
      Optional<PagePosition> following = progress.next();
      if (!prefetch || progress.bounded() || following.isEmpty() || closed.getAsBoolean()) {
        return;
      }
      PagePosition at = following.get();
      ahead = new Ahead<>(at, progress.skipForPage(pageSeq++), start(at, closed));
    }

    private Page<T> take(PagePosition at, int skip, Page<S> page) throws Throwable {
      if (page == null) {
        throw new IllegalStateException("the page fetcher returned no page");
      }
      // An empty page ends the listing even when the server says there is more: never spin.
      Optional<PagePosition> following = page.items().isEmpty() ? Optional.empty() : fetcher.next(page);
      fetched.add(at);
      if (following.isPresent() && fetched.contains(following.get())) {
        throw Listing.repeatedCursor(following.get(), at, progress.vendorId());
      }
      int passBefore = progress.pass();
      Page<T> out = progress.take(at, skip, page, following);
      if (progress.pass() != passBefore) {
        fetched.clear(); // a repair pass reads the same pages again: not a repeating cursor
      }
      return out;
    }
  }
}
