package dev.saasusers.common.paging;

import dev.saasusers.common.http.Attempt;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.RetryLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, immutable listing: no request is made until iteration starts, and every
 * {@link #iterator()} runs a fresh listing (or one from {@link #resumeFrom(String)}). Each
 * {@code with}-style method returns a new instance; one instance may be iterated by many threads
 * at once, each iterator being independent.
 *
 * <pre>{@code
 * users.maxItems(500).stream().map(User::getEmail).forEach(System.out::println);
 * for (Page<User> page : users.resumeFrom(saved).pages()) { store.save(page.checkpoint()); }
 * }</pre>
 *
 * <p>Guards: a listing stops when the fetcher reports no next page or a page is empty, and fails
 * with {@link PagingException} when a cursor repeats. Paging signals that contradict each other
 * (a full page whose total says the listing is over, {@code has_more} with no items) are
 * resolved as each strategy documents, never silently toward fewer items, and reported as a
 * {@link dev.saasusers.common.http.ClientListener.PagingAnomaly} to the listener. A
 * failure while fetching a page is rethrown as an {@link dev.saasusers.common.http.SdkException}
 * (others are wrapped in one) carrying the checkpoint of the last fully delivered page.
 *
 * <p>Memory stays bounded by page size times pages in flight: the current page plus at most
 * {@code max(prefetch, parallelism)} pages ahead.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private final String vendorId;
  private final String strategyId;
  private final Source<?, T> source;
  private final Checkpoint start;
  private final long maxItems;
  private final int prefetch;
  private final int parallelism;
  private final ClientListener listener;
  private final Executor executor;
  private final boolean secondPass;

  private PagedIterable(
      String vendorId, String strategyId, Source<?, T> source, Checkpoint start, long maxItems,
      int prefetch, int parallelism, ClientListener listener, Executor executor,
      boolean secondPass) {
    this.secondPass = secondPass;
    this.vendorId = vendorId;
    this.strategyId = strategyId;
    this.source = source;
    this.start = start;
    this.maxItems = maxItems;
    this.prefetch = prefetch;
    this.parallelism = parallelism;
    this.listener = listener;
    this.executor = executor;
  }

  /**
   * Wraps a fetcher in a listing with default settings: prefetch 1, parallelism 1, no limit.
   *
   * @param vendorId the vendor, for example {@code datagrid}; lowercase letters, digits, - or _
   * @param strategyId the paging strategy, for example {@code cursor}; same alphabet. Checkpoints
   *     are only accepted by a listing with the same vendor and strategy
   * @param fetcher the strategy
   * @param <T> the item type
   * @return the listing; nothing is fetched yet
   */
  public static <T> PagedIterable<T> of(String vendorId, String strategyId, PageFetcher<T> fetcher) {
    requireId("vendorId", vendorId);
    requireId("strategyId", strategyId);
    Objects.requireNonNull(fetcher, "fetcher");
    return new PagedIterable<>(vendorId, strategyId,
        new Source<>(fetcher, null, null, Function.identity()),
        new Checkpoint(fetcher.first(), 0), -1, 1, 1, null, null, false);
  }

  /**
   * Runs each page fetch through {@code loop}: the whole strategy fetch is one attempt, so an
   * answer the strategy refuses (no body, null items) is retried like one the decoder refused.
   * {@code attemptFetchers} gives the same strategy over a view of the API whose calls are
   * exactly one attempt (see {@code BoundApi.forAttempt}). Synchronous runs sleep through the
   * retry waits; {@link #async()} runs schedule them instead.
   *
   * @param loop the client's retry loop
   * @param attemptFetchers the strategy for one attempt
   * @return a listing whose asynchronous runs retry without holding a thread
   * @throws IllegalStateException after {@link #map}: call this on the listing {@link #of} made
   */
  public PagedIterable<T> retriedBy(RetryLoop loop,
      Function<Attempt, ? extends PageFetcher<T>> attemptFetchers) {
    Objects.requireNonNull(loop, "loop");
    Objects.requireNonNull(attemptFetchers, "attemptFetchers");
    return new PagedIterable<>(vendorId, strategyId, source.retriedBy(loop, attemptFetchers),
        start, maxItems, prefetch, parallelism, listener, executor, secondPass);
  }

  private static void requireId(String name, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " must be lowercase letters, digits, '-' or '_', was '" + value + "'");
    }
  }

  /**
   * Starts a new listing run.
   *
   * @return an iterator over the items; close it to stop early
   */
  @Override
  public CloseableIterator<T> iterator() {
    return new ItemIterator<>(listing(false));
  }

  /** {@return the items as a sequential stream; closing the stream stops the listing} */
  public Stream<T> stream() {
    CloseableIterator<T> it = iterator();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
        .onClose(it::close);
  }

  /**
   * {@return the pages, each with its items, raw response and checkpoint; every {@code iterator()}
   *     is a new run and a {@link CloseableIterator}}
   */
  public Iterable<Page<T>> pages() {
    return () -> listing(true);
  }

  /** {@return the pages as a sequential stream; closing the stream stops the listing} */
  public Stream<Page<T>> pageStream() {
    CloseableIterator<Page<T>> it = listing(true);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
        .onClose(it::close);
  }

  /**
   * Stops after {@code n} items without fetching further pages. With {@link #pages()}, the last
   * page is cut to the remaining count and its checkpoint resumes right after the last item
   * delivered.
   *
   * @param n the maximum number of items, 0 or more
   * @return a listing with that limit
   * @throws IllegalArgumentException when {@code n} is negative
   */
  public PagedIterable<T> maxItems(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("maxItems must be >= 0, was " + n);
    }
    return new PagedIterable<>(vendorId, strategyId, source, start, n, prefetch, parallelism,
        listener, executor, secondPass);
  }

  /**
   * Sets how many pages are fetched ahead, on the {@link #executor(Executor) executor}, while the
   * caller consumes the current one. Errors still surface after the items of earlier pages.
   * {@link #async()} runs fetch one page ahead whenever this is 1 or more.
   *
   * <p>A listing that answers in one response ({@link SinglePage}) has no page to fetch ahead:
   * its one page is fetched on the caller's thread, whatever this says.
   *
   * @param pagesAhead 0 turns prefetch off (each page is fetched on the caller's thread when
   *     needed); the default is 1
   * @return a listing with that prefetch
   * @throws IllegalArgumentException when negative
   */
  public PagedIterable<T> prefetch(int pagesAhead) {
    if (pagesAhead < 0) {
      throw new IllegalArgumentException("prefetch must be >= 0 pages, was " + pagesAhead);
    }
    return new PagedIterable<>(vendorId, strategyId, source, start, maxItems, pagesAhead,
        parallelism, listener, executor, secondPass);
  }

  /**
   * Fetches pages concurrently once the first page reveals the page count, keeping at most
   * {@code n} pages in flight and delivering them in order. Only a
   * {@link RandomAccessPageFetcher} can do this; other fetchers ignore it. A 429 with
   * Retry-After pauses the whole client, so the window waits it once.
   *
   * @param n pages in flight, 1 (the default: sequential) or more
   * @return a listing with that parallelism
   * @throws IllegalArgumentException when below 1
   */
  public PagedIterable<T> parallelism(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, was " + n);
    }
    return new PagedIterable<>(vendorId, strategyId, source, start, maxItems, prefetch, n,
        listener, executor, secondPass);
  }

  /**
   * Continues a listing after the page whose checkpoint is given: every remaining item is
   * delivered exactly once.
   *
   * @param checkpoint a {@link Page#checkpoint()} or
   *     {@link dev.saasusers.common.http.SdkException#checkpoint()} of this vendor and strategy
   * @return a listing starting there
   * @throws IllegalArgumentException when the checkpoint is garbage, of another vendor or
   *     strategy, or holds a position this strategy cannot start from; no request is made
   */
  public PagedIterable<T> resumeFrom(String checkpoint) {
    Checkpoint resume = Checkpoint.decode(checkpoint, vendorId, strategyId);
    if (!resume.isEnd() && !source.fetcher().accepts(resume.position())) {
      throw new IllegalArgumentException("checkpoint position " + resume.position()
          + " does not fit the '" + strategyId + "' paging of vendor '" + vendorId + "'");
    }
    return new PagedIterable<>(vendorId, strategyId, source, resume, maxItems, prefetch,
        parallelism, listener, executor, secondPass);
  }

  /**
   * {@return a listing reporting to that listener}
   *
   * @param l receives {@link ClientListener#onPageDelivered} once per page: when handed out by
   *     {@link #pages()}, or when its last item has been returned by {@link #iterator()}
   */
  public PagedIterable<T> listener(ClientListener l) {
    Objects.requireNonNull(l, "listener");
    return new PagedIterable<>(vendorId, strategyId, source, start, maxItems, prefetch,
        parallelism, l, executor, secondPass);
  }

  /**
   * Reads the whole listing a second time once the first pass ends, comparing by id, and
   * delivers the users the first pass missed. Only this can repair a change that leaves the
   * total unchanged (as many users added as removed) and repeats no id: without it, such a
   * change cannot be seen. It costs one request per page more; only page-number listings whose
   * strategy declares an item id ({@link PageNumberPaging#idOf}) can do it, others ignore it.
   *
   * @param on true to read a second pass
   * @return a listing with that setting
   */
  public PagedIterable<T> verifyWithSecondPass(boolean on) {
    return new PagedIterable<>(vendorId, strategyId, source, start, maxItems, prefetch,
        parallelism, listener, executor, on);
  }

  /**
   * {@return a listing using that executor}
   *
   * @param e where prefetch and parallel fetches run; the default is a shared pool of daemon
   *     threads that end when idle
   */
  public PagedIterable<T> executor(Executor e) {
    Objects.requireNonNull(e, "executor");
    return new PagedIterable<>(vendorId, strategyId, source, start, maxItems, prefetch,
        parallelism, listener, e, secondPass);
  }

  /**
   * Transforms each item; paging, limits and checkpoints are unchanged.
   *
   * @param fn the transformation, applied on the iterating thread
   * @param <U> the new item type
   * @return the mapped listing
   */
  public <U> PagedIterable<U> map(Function<? super T, ? extends U> fn) {
    Objects.requireNonNull(fn, "fn");
    return new PagedIterable<>(vendorId, strategyId, source.andThen(fn), start, maxItems,
        prefetch, parallelism, listener, executor, secondPass);
  }

  /**
   * Lists everything into memory; use only for listings known to be small.
   *
   * @return every item, in order
   */
  public List<T> toList() {
    List<T> all = new ArrayList<>();
    try (CloseableIterator<T> it = iterator()) {
      it.forEachRemaining(all::add);
    }
    return all;
  }

  /**
   * Starts an asynchronous run of this listing (same limit, checkpoint and listener). Requests
   * run on the {@link #executor(Executor) executor} when one was set, else on a small shared
   * pool; retry waits are scheduled and hold no thread.
   *
   * <pre>{@code
   * CompletableFuture<Void> done = users.async().forEach(u -> System.out.println(u.getEmail()));
   * }</pre>
   *
   * @return a new asynchronous pager; nothing is fetched until it is asked for a page
   */
  public AsyncPager<T> async() {
    return source.async(this);
  }

  private PageRun<T> listing(boolean eventOnHandout) {
    return source.listing(this, eventOnHandout);
  }

  @Override
  public String toString() {
    return "PagedIterable{vendor=" + vendorId + ", strategy=" + strategyId + ", maxItems="
        + (maxItems < 0 ? "none" : maxItems) + ", prefetch=" + prefetch + ", parallelism="
        + parallelism + "}";
  }

  /**
   * The fetcher with its item type S, the same strategy per attempt for asynchronous runs (or
   * null), and the mapping to the delivered type T.
   */
  private record Source<S, T>(PageFetcher<S> fetcher,
      Function<Attempt, ? extends PageFetcher<S>> attemptFetchers, RetryLoop loop,
      Function<? super S, ? extends T> mapper) {
    <U> Source<S, U> andThen(Function<? super T, ? extends U> fn) {
      Function<? super S, ? extends T> first = mapper;
      return new Source<>(fetcher, attemptFetchers, loop, item -> fn.apply(first.apply(item)));
    }

    @SuppressWarnings("unchecked")
    Source<S, T> retriedBy(RetryLoop retryLoop,
        Function<Attempt, ? extends PageFetcher<T>> perAttempt) {
      if (mapper != Function.identity()) {
        throw new IllegalStateException("retriedBy(...) must come before map(...)");
      }
      return new Source<>(fetcher, (Function<Attempt, ? extends PageFetcher<S>>) (Function<?, ?>) perAttempt,
          retryLoop, mapper);
    }

    AsyncPager<T> async(PagedIterable<T> config) {
      Executor executor = config.executor != null ? config.executor : AsyncPool.POOL;
      return new AsyncPager<>(config.vendorId, config.strategyId, fetcher, attemptFetchers, loop,
          mapper, config.start, config.maxItems, config.prefetch, executor, config.listener,
          config.secondPass);
    }

    PageRun<T> listing(PagedIterable<T> config, boolean eventOnHandout) {
      if (fetcher instanceof SinglePage<?, S> single) {
        // One response, nothing to fetch ahead: the caller's thread fetches it, no window.
        return new SingleResponseRun<>(config.vendorId, config.strategyId, single,
            attemptFetchers, loop, mapper, config.start, config.maxItems, config.listener,
            eventOnHandout);
      }
      Executor executor = config.executor != null ? config.executor : SharedPool.POOL;
      return new Listing<>(config.vendorId, config.strategyId, fetcher, attemptFetchers, loop,
          mapper, config.start,
          config.maxItems, config.prefetch, config.parallelism, executor, config.listener,
          eventOnHandout, config.secondPass);
    }
  }

  /**
   * Default executor of asynchronous listings: few threads, since they only run requests and
   * never sleep through a retry wait; idle threads end.
   */
  private static final class AsyncPool {
    static final ExecutorService POOL = newAsyncPool();

    private static ExecutorService newAsyncPool() {
      int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
      AtomicInteger count = new AtomicInteger();
      java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(
          threads, threads, 30, java.util.concurrent.TimeUnit.SECONDS,
          new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "saasusers-async-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }

  /** Created on first use; its idle daemon threads end after a minute, so nothing leaks. */
  private static final class SharedPool {
    static final ExecutorService POOL = Executors.newCachedThreadPool(new ThreadFactory() {
      private final AtomicInteger count = new AtomicInteger();

      @Override
      public Thread newThread(Runnable r) {
        Thread t = new Thread(r, "saasusers-paging-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
      }
    });
  }
}
