package dev.saasusers.common.paging;

import dev.saasusers.common.http.Attempt;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.RetryLoop;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The synchronous run of a listing that answers in one response ({@link SinglePage}, as
 * Polytomic and Podero do): it costs what one direct call costs. The page is fetched on the
 * caller's thread when first asked for, through the client's retry loop when it has one, and
 * taken through the same {@link RunProgress} as {@link Listing}, so a resume's skip,
 * {@code maxItems}, the checkpoint, paging anomalies, events and the failure's checkpoint are
 * the same; what it leaves out is {@link Listing}'s window: no executor, future, lock or
 * scheduling, since there is no page to fetch ahead.
 */
final class SingleResponseRun<S, T> extends PageRun<T> {
  private final PageFetcher<S> fetcher;
  private final Function<Attempt, ? extends PageFetcher<S>> attemptFetchers;
  private final RetryLoop loop;
  private final RunProgress<S, T> progress;

  private boolean fetched;
  private Throwable failure;

  SingleResponseRun(String vendorId, String strategyId, SinglePage<?, S> fetcher,
      Function<Attempt, ? extends PageFetcher<S>> attemptFetchers, RetryLoop loop,
      Function<? super S, ? extends T> mapper, Checkpoint start, long maxItems,
      ClientListener listener, boolean eventOnHandout) {
    super(vendorId, listener, eventOnHandout);
    this.fetcher = fetcher;
    this.attemptFetchers = loop == null ? null : attemptFetchers;
    this.loop = loop;
    // A single response is never re-read: no second pass, whatever the listing asked.
    this.progress = new RunProgress<>(vendorId, strategyId, mapper, start, maxItems, listener,
        fetcher, false);
  }

  @Override
  public boolean hasNext() {
    if (prepared != null) {
      return true;
    }
    if (failure != null) {
      throw sneaky(failure);
    }
    if (fetched) {
      return false;
    }
    fetched = true;
    // Empty when resumed from the end checkpoint or with maxItems(0): no request at all.
    Optional<PagePosition> at = progress.next();
    if (at.isEmpty()) {
      return false;
    }
    try {
      Page<S> page = Listing.fetchOnce(fetcher, attemptFetchers, loop, at.get());
      if (page == null) {
        throw new IllegalStateException("the page fetcher returned no page");
      }
      prepared = progress.take(at.get(), progress.skipForPage(0), page, fetcher.next(page));
    } catch (Throwable e) {
      failure = Listing.failureOf(e, progress);
      throw sneaky(failure);
    }
    return true;
  }

  @Override
  public void close() {
    prepared = null;
    fetched = true;
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
