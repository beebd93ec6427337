package dev.saasusers.common.paging;

import dev.saasusers.common.http.RawResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Page-number paging: pages 1, 2, 3... of a fixed size, with the total in every response. The
 * listing ends on a short page or once the total is reached; with the total known, pages can be
 * fetched in parallel ({@link PagedIterable#parallelism(int)}).
 *
 * <pre>{@code
 * PageNumberPaging.of(page -> api.listUsersWithHttpInfo(page, 50), 50,
 *     MemberList::getResults, MemberList::getCount);
 * }</pre>
 *
 * @param <R> the response body type
 * @param <T> the item type
 */
public final class PageNumberPaging<R, T> implements RandomAccessPageFetcher<T> {
  private final IntFunction<? extends RawResponse<R>> callForPage;
  private final int pageSize;
  private final Function<? super R, ? extends List<T>> items;
  private final Function<? super R, ? extends Number> total;

  private PageNumberPaging(
      IntFunction<? extends RawResponse<R>> callForPage, int pageSize,
      Function<? super R, ? extends List<T>> items, Function<? super R, ? extends Number> total) {
    this.callForPage = callForPage;
    this.pageSize = pageSize;
    this.items = items;
    this.total = total;
  }

  /**
   * @param callForPage fetches a page by its 1-based number
   * @param pageSize the page size the call asks for; a shorter page is the last
   * @param items the body's items; a null list is an empty page
   * @param total the body's total item count; may return null when unknown
   * @param <R> the response body type
   * @param <T> the item type
   * @return the fetcher
   * @throws IllegalArgumentException when {@code pageSize} is below 1
   */
  public static <R, T> PageNumberPaging<R, T> of(
      IntFunction<? extends RawResponse<R>> callForPage, int pageSize,
      Function<? super R, ? extends List<T>> items, Function<? super R, ? extends Number> total) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
    }
    return new PageNumberPaging<>(Objects.requireNonNull(callForPage, "callForPage"), pageSize,
        Objects.requireNonNull(items, "items"), Objects.requireNonNull(total, "total"));
  }

  @Override
  public Page<T> fetch(int pageNumber) {
    PagePosition position = PagePosition.ofPageNumber(pageNumber);
    RawResponse<R> response = callForPage.apply(pageNumber);
    return Page.fromResponse(position, response, items);
  }

  @Override
  public Page<T> fetch(PagePosition position) {
    return fetch(position.pageNumber().orElseThrow(
        () -> new IllegalArgumentException("page-number paging needs a page number, got "
            + position)));
  }

  @Override
  public PagePosition first() {
    return PagePosition.ofPageNumber(1);
  }

  @Override
  public Optional<PagePosition> next(Page<T> page) {
    int number = page.position().pageNumber().orElse(1);
    if (page.items().size() < pageSize) {
      return Optional.empty();
    }
    Number totalItems = totalOf(page);
    if (totalItems != null && (long) number * pageSize >= totalItems.longValue()) {
      return Optional.empty();
    }
    return Optional.of(PagePosition.ofPageNumber(number + 1));
  }

  @Override
  public OptionalInt lastPageNumber(Page<T> firstPage) {
    Number totalItems = totalOf(firstPage);
    if (totalItems == null) {
      return OptionalInt.empty();
    }
    long pages = (totalItems.longValue() + pageSize - 1) / pageSize;
    return OptionalInt.of((int) Math.max(1, Math.min(Integer.MAX_VALUE, pages)));
  }

  @Override
  public boolean accepts(PagePosition position) {
    return position.pageNumber().isPresent();
  }

  private Number totalOf(Page<T> page) {
    @SuppressWarnings("unchecked")
    R body = page.rawResponse() == null ? null : (R) page.rawResponse().data();
    return body == null ? null : total.apply(body);
  }
}
