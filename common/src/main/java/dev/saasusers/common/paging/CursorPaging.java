package dev.saasusers.common.paging;

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
 *     ListOrganizationUsers::getData, ListOrganizationUsers::getHasMore, OrganizationUser::getId);
 * }</pre>
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

  private CursorPaging(
      Function<String, ? extends RawResponse<R>> call, Function<? super R, ? extends List<T>> items,
      Function<? super R, Boolean> hasMore, Function<? super T, String> idOf, boolean backwards) {
    this.call = Objects.requireNonNull(call, "call");
    this.items = Objects.requireNonNull(items, "items");
    this.hasMore = Objects.requireNonNull(hasMore, "hasMore");
    this.idOf = Objects.requireNonNull(idOf, "idOf");
    this.backwards = backwards;
  }

  /**
   * Forward paging.
   *
   * @param call fetches the page after a cursor; receives null for the first page
   * @param items the body's items; a null list is an empty page
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
    return new CursorPaging<>(call, items, hasMore, idOf, false);
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
   * @param items the body's items; a null list is an empty page
   * @param hasMore whether the body says more items precede; null counts as false
   * @param idOf an item's id
   * @param <R> the response body type
   * @param <T> the item type
   * @return the fetcher
   */
  public static <R, T> CursorPaging<R, T> backwards(
      Function<String, ? extends RawResponse<R>> call, Function<? super R, ? extends List<T>> items,
      Function<? super R, Boolean> hasMore, Function<? super T, String> idOf) {
    return new CursorPaging<>(call, items, hasMore, idOf, true);
  }

  @Override
  public Page<T> fetch(PagePosition position) {
    RawResponse<R> response = call.apply(position.token().orElse(null));
    return Page.fromResponse(position, response, items);
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
