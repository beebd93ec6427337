package dev.saasusers.common.paging;

/**
 * One synchronous run of a listing, page by page: what {@link PagedIterable#pages()} hands out
 * and {@link ItemIterator} iterates. {@link Listing} is the general engine; a listing that
 * answers in one response runs as {@link SingleResponseRun}.
 */
interface PageRun<T> extends CloseableIterator<Page<T>> {

  /** Reports a page the caller has fully received. */
  void delivered(Page<T> page);
}
