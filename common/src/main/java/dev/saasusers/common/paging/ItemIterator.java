package dev.saasusers.common.paging;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Items of a {@link PageRun}, page after page; a page counts as delivered once fully consumed. */
final class ItemIterator<T> implements CloseableIterator<T> {
  private final PageRun<T> pages;
  private Page<T> page;
  private Iterator<T> items = Collections.emptyIterator();

  ItemIterator(PageRun<T> pages) {
    this.pages = pages;
  }

  @Override
  public boolean hasNext() {
    while (!items.hasNext()) {
      if (!pages.hasNext()) {
        return false;
      }
      page = pages.next();
      items = page.items().iterator();
      if (!items.hasNext()) {
        pages.delivered(page);
      }
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the listing has no more items");
    }
    T item = items.next();
    if (!items.hasNext()) {
      pages.delivered(page);
    }
    return item;
  }

  @Override
  public void close() {
    items = Collections.emptyIterator();
    pages.close();
  }
}
