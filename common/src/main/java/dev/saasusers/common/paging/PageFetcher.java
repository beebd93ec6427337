package dev.saasusers.common.paging;

import java.util.Optional;

/**
 * What a paging strategy implements: how to fetch the page at a position, and where the next one
 * is. Everything else (laziness, prefetch, parallel pages, {@code maxItems}, checkpoints, guards)
 * lives once in {@link PagedIterable}. Implementations must be stateless or thread-safe: one
 * fetcher serves concurrent listings and prefetch threads.
 *
 * <pre>{@code
 * Page<T> page = fetcher.fetch(fetcher.first());
 * Optional<PagePosition> next = fetcher.next(page);
 * }</pre>
 *
 * @param <T> the item type
 */
public interface PageFetcher<T> {

  /**
   * Fetches one page.
   *
   * @param position where the page starts: {@link #first()}, a value returned by
   *     {@link #next(Page)}, or one read back from a checkpoint
   * @return the page, built with {@link Page#of}
   */
  Page<T> fetch(PagePosition position);

  /** {@return the position of the first page of a listing} */
  PagePosition first();

  /**
   * {@return where the following page starts, or empty when {@code page} is the last}
   *
   * @param page a page this fetcher returned
   */
  Optional<PagePosition> next(Page<T> page);

  /**
   * Says whether a position read from a checkpoint fits this strategy, so a checkpoint of another
   * strategy is refused before any request.
   *
   * @param position a position parsed from a checkpoint
   * @return true when {@link #fetch(PagePosition)} can start there
   */
  default boolean accepts(PagePosition position) {
    return true;
  }
}
