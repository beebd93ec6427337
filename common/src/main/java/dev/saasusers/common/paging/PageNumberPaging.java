package dev.saasusers.common.paging;

import dev.saasusers.common.http.ClientListener.PagingAnomaly.Kind;
import dev.saasusers.common.http.ClientListener.PagingAnomaly.Outcome;
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
 *     MemberList::getResults, MemberList::getCount)
 *     .itemsField(ItemsField.notNull(VENDOR, "listUsers", "results"));
 * }</pre>
 *
 * <p>When the total and the pages contradict each other, the pages win in the direction that
 * loses no items, and the listing reports a
 * {@link dev.saasusers.common.http.ClientListener.PagingAnomaly}:
 * <ul>
 *   <li>a full page whose total is negative or below the items delivered so far: the total is
 *     wrong, so the listing goes on, one page at a time (not in parallel), while full pages
 *     come, up to page {@value #MAX_PAGES_PAST_A_WRONG_TOTAL}, where it fails
 *     ({@code CONTINUED});
 *   <li>a short page whose total is negative or below the items so far, or above them, or
 *     missing: the short page ends the listing, which cannot prove it is complete
 *     ({@code ENDED}).
 * </ul>
 *
 * <p>Change under the listing: pages are counts of items, so a user removed before a page shifts
 * the users after it one place forward, and one would be skipped. With {@link #idOf} declared,
 * the listing sees such changes and reads again (see {@link Consistency}); a change that leaves
 * the total unchanged and repeats no id needs
 * {@link PagedIterable#verifyWithSecondPass(boolean)}.
 *
 * @param <R> the response body type
 * @param <T> the item type
 */
public final class PageNumberPaging<R, T> implements RandomAccessPageFetcher<T> {
  /**
   * The highest page number fetched once the total proved wrong: 500,000 users at 50 a page. A
   * server that keeps sending full pages past it is looping, not listing.
   */
  public static final int MAX_PAGES_PAST_A_WRONG_TOTAL = 10_000;

  private final IntFunction<? extends RawResponse<R>> callForPage;
  private final int pageSize;
  private final Function<? super R, ? extends List<T>> items;
  private final Function<? super R, ? extends Number> total;
  private final ItemsField field;
  /** The vendor's id of an item, or null: then the listing does not watch for change. */
  private final Function<? super T, String> idOf;

  private PageNumberPaging(
      IntFunction<? extends RawResponse<R>> callForPage, int pageSize,
      Function<? super R, ? extends List<T>> items, Function<? super R, ? extends Number> total,
      ItemsField field, Function<? super T, String> idOf) {
    this.callForPage = callForPage;
    this.pageSize = pageSize;
    this.items = items;
    this.total = total;
    this.field = field;
    this.idOf = idOf;
  }

  /**
   * {@return the fetcher}
   *
   * @param callForPage fetches a page by its 1-based number
   * @param pageSize the page size the call asks for; a shorter page is the last
   * @param items the body's items; a null list fails the page unless {@link #itemsField} says
   *     the spec allows null
   * @param total the body's total item count; may return null when unknown
   * @param <R> the response body type
   * @param <T> the item type
   * @throws IllegalArgumentException when {@code pageSize} is below 1
   */
  public static <R, T> PageNumberPaging<R, T> of(
      IntFunction<? extends RawResponse<R>> callForPage, int pageSize,
      Function<? super R, ? extends List<T>> items, Function<? super R, ? extends Number> total) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
    }
    return new PageNumberPaging<>(Objects.requireNonNull(callForPage, "callForPage"), pageSize,
        Objects.requireNonNull(items, "items"), Objects.requireNonNull(total, "total"),
        ItemsField.UNNAMED, null);
  }

  /**
   * {@return this strategy with that field}
   *
   * @param itemsField what the spec says of the items field: its name for messages, and
   *     whether null is an empty list
   */
  public PageNumberPaging<R, T> itemsField(ItemsField itemsField) {
    return new PageNumberPaging<>(callForPage, pageSize, items, total,
        Objects.requireNonNull(itemsField, "itemsField"), idOf);
  }

  /**
   * Declares the vendor's id of an item, so the listing watches the directory for change: when
   * the total moves, a page repeats ids already delivered, or a page falls short of the total,
   * it reads the pages again from page 1 and delivers only users not delivered yet (see
   * {@link Consistency}). Removals and additions that leave the total unchanged, and touch no
   * page boundary already read, cannot be seen this way.
   *
   * @param id the item's id, unique within the vendor's directory, for example
   *     {@code PandaDocUser::getUserId}
   * @return this strategy, watching for change
   */
  public PageNumberPaging<R, T> idOf(Function<? super T, String> id) {
    return new PageNumberPaging<>(callForPage, pageSize, items, total, field,
        Objects.requireNonNull(id, "id"));
  }

  /** {@return the declared id of an item, or null when the listing does not watch for change} */
  Function<? super T, String> itemId() {
    return idOf;
  }

  /** {@return the page size the calls ask for} */
  int pageSize() {
    return pageSize;
  }

  /** {@return the total the page's response reports, or null when it gives none} */
  Number reportedTotal(Page<T> page) {
    return totalOf(page);
  }

  @Override
  public Page<T> fetch(int pageNumber) {
    PagePosition position = PagePosition.ofPageNumber(pageNumber);
    RawResponse<R> response = callForPage.apply(pageNumber);
    Page<T> page = Page.fromResponse(position, response, items, field);
    PageAnomaly anomaly = anomalyOf(pageNumber, page.items().size(), totalOf(page));
    return anomaly == null ? page : page.withAnomaly(anomaly);
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
    int size = page.items().size();
    if (size < pageSize) {
      return Optional.empty();
    }
    Number totalItems = totalOf(page);
    boolean wrongTotal = totalItems != null && contradicts(number, size, totalItems.longValue());
    if (!wrongTotal && totalItems != null && (long) number * pageSize >= totalItems.longValue()) {
      return Optional.empty();
    }
    if (wrongTotal && number >= MAX_PAGES_PAST_A_WRONG_TOTAL) {
      throw new PagingException("page " + number + " is still full although the total ("
          + totalItems + ") was wrong; stopping at " + MAX_PAGES_PAST_A_WRONG_TOTAL
          + " pages instead of following the server forever");
    }
    return Optional.of(PagePosition.ofPageNumber(number + 1));
  }

  @Override
  public OptionalInt lastPageNumber(Page<T> firstPage) {
    Number totalItems = totalOf(firstPage);
    int number = firstPage.position().pageNumber().orElse(1);
    if (totalItems == null || contradicts(number, firstPage.items().size(), totalItems.longValue())) {
      return OptionalInt.empty(); // no plan from a total that is missing or already wrong
    }
    long pages = (totalItems.longValue() + pageSize - 1) / pageSize;
    return OptionalInt.of((int) Math.max(1, Math.min(Integer.MAX_VALUE, pages)));
  }

  @Override
  public boolean accepts(PagePosition position) {
    return position.pageNumber().isPresent();
  }

  /** True when {@code total} cannot be right: negative, or below the items up to this page. */
  private boolean contradicts(int number, int size, long totalItems) {
    return totalItems < 0 || totalItems < itemsThrough(number, size);
  }

  private long itemsThrough(int number, int size) {
    return (long) (number - 1) * pageSize + size;
  }

  /** The contradiction between this page and its total, as {@link PageNumberPaging} resolves it. */
  private PageAnomaly anomalyOf(int number, int size, Number totalItems) {
    boolean full = size >= pageSize;
    long through = itemsThrough(number, size);
    String page = "page " + number + " holds " + size + " of " + pageSize + " items";
    if (totalItems == null) {
      return full ? null : new PageAnomaly(Kind.NO_TOTAL,
          page + " and ends the listing, but gave no total to check the count", Outcome.ENDED);
    }
    long t = totalItems.longValue();
    Outcome outcome = full ? Outcome.CONTINUED : Outcome.ENDED;
    if (t < 0) {
      return new PageAnomaly(Kind.NEGATIVE_TOTAL, "total " + t + ", but " + page, outcome);
    }
    if (t < through) {
      return new PageAnomaly(Kind.TOTAL_BELOW_ITEMS, "total " + t + ", but " + page + " ("
          + through + " so far)", outcome);
    }
    if (!full && t > through) {
      return new PageAnomaly(Kind.SHORT_OF_TOTAL, "total " + t + ", but " + page
          + " and ends the listing at " + through, Outcome.ENDED);
    }
    return null;
  }

  private Number totalOf(Page<T> page) {
    @SuppressWarnings("unchecked")
    R body = page.rawResponse() == null ? null : (R) page.rawResponse().data();
    return body == null ? null : total.apply(body);
  }
}
