package dev.saasusers.common.paging;

import java.util.Iterator;

/**
 * An iterator over a listing that can be stopped early: {@link #close()} discards pages fetched
 * ahead and starts no further request.
 *
 * <pre>{@code
 * try (CloseableIterator<User> it = users.iterator()) { first = it.next(); }
 * }</pre>
 *
 * @param <T> the element type
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

  /** Stops the listing; idempotent, never throws. */
  @Override
  void close();
}
