package dev.saasusers.common.paging;

import dev.saasusers.common.http.ClientListener;
import java.util.NoSuchElementException;

/**
 * One synchronous run of a listing, page by page: what {@link PagedIterable#pages()} hands out
 * and {@link ItemIterator} iterates. {@link Listing} is the general engine; a listing that
 * answers in one response runs as {@link SingleResponseRun}. Both make a page ready in
 * {@code hasNext()}; handing it out and reporting it delivered is the same, here.
 */
abstract class PageRun<T> implements CloseableIterator<Page<T>> {
  final String vendorId;
  private final ClientListener listener;
  private final boolean eventOnHandout;
  /** The page {@code hasNext()} made ready for {@link #next()}; the iterating thread's only. */
  Page<T> prepared;

  PageRun(String vendorId, ClientListener listener, boolean eventOnHandout) {
    this.vendorId = vendorId;
    this.listener = listener;
    this.eventOnHandout = eventOnHandout;
  }

  @Override
  public final Page<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the listing has no more pages");
    }
    Page<T> page = prepared;
    prepared = null;
    if (eventOnHandout) {
      delivered(page);
    }
    return page;
  }

  /** Reports a page the caller has fully received. */
  final void delivered(Page<T> page) {
    if (listener != null) {
      listener.onPageDelivered(new ClientListener.PageDelivered(
          vendorId, page.index(), page.items().size(), page.checkpoint()));
    }
  }
}
