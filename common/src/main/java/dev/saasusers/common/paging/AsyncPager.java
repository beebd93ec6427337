package dev.saasusers.common.paging;

import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.SteppedCall;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
 * one was given), else on a small shared pool. Waits between retries are scheduled, never slept:
 * while a listing waits on a Retry-After it holds no thread. The retry decisions are the
 * client's usual ones (same statuses, Retry-After, backoff and budget).
 *
 * <p>Pages come in order, one fetch at a time (parallelism and prefetch apply to the synchronous
 * path only). The guarantees are the synchronous listing's, because the same engine takes each
 * page: {@code maxItems}, resuming from a checkpoint, the repeated-cursor and empty-page guards,
 * every item exactly once, and a failure carrying the checkpoint of the last delivered page.
 * Calls to {@link #nextPage()} may overlap; they are served in order.
 *
 * @param <T> the item type
 */
public final class AsyncPager<T> implements AutoCloseable {
  private final PrimedFetcher<?> primed;
  private final Listing<?, T> listing;
  private final Executor executor;
  private final long maxItems;
  private final Object lock = new Object();
  private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
  private volatile boolean closed;
  private volatile boolean ended; // the engine reported the end or a failure: never fetch again
  private long itemsDelivered;

  <S> AsyncPager(String vendorId, String strategyId, PageFetcher<S> fetcher,
      Function<? super S, ? extends T> mapper, Checkpoint start, long maxItems,
      Executor executor, ClientListener listener) {
    PrimedFetcher<S> wrapper = new PrimedFetcher<>(fetcher, start.position());
    this.primed = wrapper;
    // No prefetch: every page is taken inline from the page this pager fetched asynchronously.
    this.listing = new Listing<>(vendorId, strategyId, wrapper, mapper, start, maxItems, 0, 1,
        Runnable::run, listener, false);
    this.executor = executor;
    this.maxItems = maxItems;
  }

  /**
   * Fetches the next page.
   *
   * @return a future of the next page, or of empty when the listing has ended; it fails with
   *     the {@link dev.saasusers.common.http.SdkException} that ended the listing, carrying the
   *     checkpoint of the last page delivered
   */
  public CompletableFuture<Optional<Page<T>>> nextPage() {
    CompletableFuture<Optional<Page<T>>> result = new CompletableFuture<>();
    synchronized (lock) {
      CompletableFuture<?> previous = tail;
      tail = result;
      previous.whenComplete((ignored, error) -> step(result, true));
    }
    return result;
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
    CompletableFuture<Optional<Page<T>>> next = new CompletableFuture<>();
    synchronized (lock) {
      CompletableFuture<?> previous = tail;
      tail = next;
      previous.whenComplete((ignored, error) -> step(next, false));
    }
    next.whenComplete((page, error) -> {
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
        listing.delivered(page.get());
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

  /**
   * Stops the listing: a pending retry is not sent, and the pending and later
   * {@link #nextPage()} calls complete with empty.
   */
  @Override
  public void close() {
    closed = true;
  }

  private void step(CompletableFuture<Optional<Page<T>>> result, boolean reportOnHandout) {
    try {
      if (closed) {
        listing.close();
        result.complete(Optional.empty());
        return;
      }
      Optional<PagePosition> position = primed.wanted();
      if (ended || position.isEmpty() || (maxItems >= 0 && itemsDelivered >= maxItems)) {
        take(result, reportOnHandout); // ends (or rethrows an earlier failure) without fetching
        return;
      }
      primed.fetchAsync(position.get(), SteppedCall.start(), executor, () -> closed)
          .whenComplete((ignored, error) -> take(result, reportOnHandout));
    } catch (Throwable t) {
      result.completeExceptionally(t);
    }
  }

  /** Lets the synchronous engine take the page just fetched (or fail with its error). */
  private void take(CompletableFuture<Optional<Page<T>>> result, boolean reportOnHandout) {
    try {
      if (closed) { // closed during the fetch or a retry wait: deliver nothing more
        listing.close();
        result.complete(Optional.empty());
        return;
      }
      if (!listing.hasNext()) {
        ended = true;
        result.complete(Optional.empty());
        return;
      }
      Page<T> page = listing.next();
      itemsDelivered += page.items().size();
      if (reportOnHandout) {
        listing.delivered(page);
      }
      result.complete(Optional.of(page));
    } catch (Throwable t) {
      ended = true;
      result.completeExceptionally(t);
    }
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  @Override
  public String toString() {
    return "AsyncPager{itemsDelivered=" + itemsDelivered + ", closed=" + closed + "}";
  }

  /**
   * Hands the listing engine the page fetched asynchronously for the position it asks for, and
   * records where the engine will ask next.
   */
  private static final class PrimedFetcher<S> implements PageFetcher<S> {
    private final PageFetcher<S> delegate;
    private volatile Optional<PagePosition> wanted;
    private volatile PagePosition primedAt;
    private volatile Page<S> page;
    private volatile Throwable error;

    PrimedFetcher(PageFetcher<S> delegate, PagePosition start) {
      this.delegate = delegate;
      this.wanted = Optional.ofNullable(start);
    }

    Optional<PagePosition> wanted() {
      return wanted;
    }

    /** Fetches with the client's retry decisions, scheduling each wait instead of sleeping. */
    CompletableFuture<Void> fetchAsync(PagePosition position, SteppedCall call, Executor executor,
        BooleanSupplier cancelled) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      attempt(position, call, executor, executor, cancelled, done);
      return done;
    }

    private void attempt(PagePosition position, SteppedCall call, Executor runOn,
        Executor executor, BooleanSupplier cancelled,
        CompletableFuture<Void> done) {
      Runnable task = () -> {
        if (call.attempts() > 0 && cancelled.getAsBoolean()) {
          done.complete(null); // closed during the wait: the retry is not sent
          return;
        }
        try {
          prime(position, call.attempt(() -> delegate.fetch(position)), null);
          done.complete(null);
        } catch (Throwable t) {
          Optional<Duration> wait = call.retryDelay();
          if (wait.isPresent() && !cancelled.getAsBoolean()) {
            Executor later = CompletableFuture.delayedExecutor(
                wait.get().toNanos(), TimeUnit.NANOSECONDS, executor);
            attempt(position, call, later, executor, cancelled, done);
          } else {
            prime(position, null, t);
            done.complete(null);
          }
        }
      };
      try {
        runOn.execute(task);
      } catch (RuntimeException rejected) {
        prime(position, null, rejected);
        done.complete(null);
      }
    }

    private void prime(PagePosition position, Page<S> fetched, Throwable failure) {
      primedAt = position;
      page = fetched;
      error = failure;
      wanted = Optional.empty(); // until the engine asks for the next position
    }

    @Override
    public Page<S> fetch(PagePosition position) {
      if (!position.equals(primedAt)) {
        throw new IllegalStateException("async listing asked for page " + position.asString()
            + " but fetched " + (primedAt == null ? "none" : primedAt.asString()));
      }
      primedAt = null;
      Throwable failure = error;
      error = null;
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error fatal) {
        throw fatal;
      }
      if (failure != null) {
        throw new CompletionException(failure);
      }
      return page;
    }

    @Override
    public PagePosition first() {
      return delegate.first();
    }

    @Override
    public Optional<PagePosition> next(Page<S> fetched) {
      Optional<PagePosition> next = delegate.next(fetched);
      wanted = next;
      return next;
    }

    @Override
    public boolean accepts(PagePosition position) {
      return delegate.accepts(position);
    }
  }
}
