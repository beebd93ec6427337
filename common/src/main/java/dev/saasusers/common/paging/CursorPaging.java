package dev.saasusers.common.paging;

import dev.saasusers.common.http.ClientListener.PagingAnomaly.Kind;
import dev.saasusers.common.http.ClientListener.PagingAnomaly.Outcome;
import dev.saasusers.common.http.RawResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cursor paging: each request names the id of the item where the previous page ended
 * ({@code after}), and the response says whether more follow ({@code has_more}).
 * {@link #backwards} pages the other way with {@code before} and the id of a page's first item.
 *
 * <pre>{@code
 * CursorPaging.of(after -> api.listUsersWithHttpInfo(q, 100, after, null),
 *     ListOrganizationUsers::getData, ListOrganizationUsers::getHasMore, OrganizationUser::getId)
 *     .itemsField(ItemsField.notNull(VENDOR, "listUsers", "data"));
 * }</pre>
 *
 * <p>A page that says more items follow ({@code has_more: true}) but holds none fails the
 * listing with a {@link PagingException} and reports a
 * {@link dev.saasusers.common.http.ClientListener.PagingAnomaly} ({@code FAILED}): the next
 * cursor is the id of a page's last item, so there is nowhere to go on from, and ending there
 * would report as complete a listing the server itself says is not. The failure carries the
 * checkpoint of the last delivered page, so resuming asks for the same page again.
 *
 * <p>Change under the listing: cursor paging is keyset paging. The next page is the items after
 * the cursor's id in the server's order, not after a count of items, so users removed or added
 * before it shift nothing and no user that exists for the whole listing is skipped or repeated.
 * That is why it has no repair and no second pass, unlike {@link PageNumberPaging#idOf}.
 *
 * @param <R> the response body type
 * @param <T> the item type
 */
public final class CursorPaging<R, T> implements PageFetcher<T> {
  private final Function<String, ? extends RawResponse<R>> call;
  private final Function<? super R, ? extends List<T>> items;
  private final Function<? super R, Boolean> hasMore;
  private final Function<? super T, String> idOf;
  private final boolean backwards;
  private final ItemsField field;

  private CursorPaging(
      Function<String, ? extends RawResponse<R>> call, Function<? super R, ? extends List<T>> items,
      Function<? super R, Boolean> hasMore, Function<? super T, String> idOf, boolean backwards,
      ItemsField field) {
    this.call = Objects.requireNonNull(call, "call");
    this.items = Objects.requireNonNull(items, "items");
    this.hasMore = Objects.requireNonNull(hasMore, "hasMore");
    this.idOf = Objects.requireNonNull(idOf, "idOf");
    this.backwards = backwards;
    this.field = field;
  }

  /**
   * Forward paging.
   *
   * @param call fetches the page after a cursor; receives null for the first page
   * @param items the body's items; a null list fails the page unless {@link #itemsField} says
   *     the spec allows null
   * @param hasMore whether the body says more items follow; null counts as false (a
   *     {@code Function}, not a {@code Predicate}, so a null {@code Boolean} is not unboxed)
   * @param idOf an item's id, which becomes the next cursor
   * @param <R> the response body type
   * @param <T> the item type
   * @return the fetcher
   */
  public static <R, T> CursorPaging<R, T> of(
      Function<String, ? extends RawResponse<R>> call, Function<? super R, ? extends List<T>> items,
      Function<? super R, Boolean> hasMore, Function<? super T, String> idOf) {
    return new CursorPaging<>(call, items, hasMore, idOf, false, ItemsField.UNNAMED);
  }

  /**
   * Backward paging: the cursor is the id of each page's first item, passed as {@code before}.
   * Give this listing its own strategy id (for example {@code cursor-before}) so forward and
   * backward checkpoints are never mixed.
   *
   * <pre>{@code
   * CursorPaging.backwards(before -> api.listUsersWithHttpInfo(q, 100, null,
   *     before == null ? startId : before), Page::getData, Page::getHasMore, User::getId);
   * }</pre>
   *
   * @param call fetches the page before a cursor; receives null for the first page
   * @param items the body's items; a null list fails the page unless {@link #itemsField} says
   *     the spec allows null
   * @param hasMore whether the body says more items precede; null counts as false
   * @param idOf an item's id
   * @param <R> the response body type
   * @param <T> the item type
   * @return the fetcher
   */
  public static <R, T> CursorPaging<R, T> backwards(
      Function<String, ? extends RawResponse<R>> call, Function<? super R, ? extends List<T>> items,
      Function<? super R, Boolean> hasMore, Function<? super T, String> idOf) {
    return new CursorPaging<>(call, items, hasMore, idOf, true, ItemsField.UNNAMED);
  }

  /**
   * {@return this strategy with that field}
   *
   * @param itemsField what the spec says of the items field: its name for messages, and
   *     whether null is an empty list
   */
  public CursorPaging<R, T> itemsField(ItemsField itemsField) {
    return new CursorPaging<>(call, items, hasMore, idOf, backwards,
        Objects.requireNonNull(itemsField, "itemsField"));
  }

  @Override
  public Page<T> fetch(PagePosition position) {
    RawResponse<R> response = call.apply(position.token().orElse(null));
    Page<T> page = Page.fromResponse(position, response, items, field);
    if (page.items().isEmpty() && Boolean.TRUE.equals(hasMore.apply(response.data()))) {
      return page.withAnomaly(new PageAnomaly(Kind.HAS_MORE_WITHOUT_ITEMS,
          "has_more is true, but the page holds no items to continue after", Outcome.FAILED));
    }
    return page;
  }

  @Override
  public PagePosition first() {
    return PagePosition.start();
  }

  @Override
  public Optional<PagePosition> next(Page<T> page) {
    @SuppressWarnings("unchecked")
    R body = page.rawResponse() == null ? null : (R) page.rawResponse().data();
    if (body == null || page.items().isEmpty() || !Boolean.TRUE.equals(hasMore.apply(body))) {
      return Optional.empty();
    }
    List<T> list = page.items();
    T edge = backwards ? list.get(0) : list.get(list.size() - 1);
    String id = idOf.apply(edge);
    if (id == null || id.isEmpty()) {
      throw new PagingException("an item on the page at " + page.position()
          + " has no id, so the listing cannot continue past it");
    }
    return Optional.of(PagePosition.ofToken(id));
  }

  @Override
  public boolean accepts(PagePosition position) {
    return position.pageNumber().isEmpty();
  }
}
