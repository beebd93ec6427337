package dev.saasusers.common.paging;

import java.util.OptionalInt;

/**
 * A fetcher whose pages are addressed by number, so once one page reveals the total the rest can
 * be fetched in parallel ({@link PagedIterable#parallelism(int)}).
 *
 * @param <T> the item type
 */
public interface RandomAccessPageFetcher<T> extends PageFetcher<T> {

  /**
   * {@return that page}
   *
   * @param pageNumber a 1-based page number
   */
  Page<T> fetch(int pageNumber);

  /**
   * {@return the number of the last page, or empty when the response gives no total}
   *
   * @param firstPage the first page fetched in a listing run (any page carrying the total)
   */
  OptionalInt lastPageNumber(Page<T> firstPage);
}
