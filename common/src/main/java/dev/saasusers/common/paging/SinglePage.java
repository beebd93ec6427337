package dev.saasusers.common.paging;

import dev.saasusers.common.http.RawResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The whole list in one response.
 *
 * <pre>{@code
 * SinglePage.of(() -> api.listUsersWithHttpInfo(), UserList::getData)
 *     .itemsField(ItemsField.nullMeansEmpty(VENDOR, "listUsers", "data"));
 * }</pre>
 *
 * @param <R> the response body type
 * @param <T> the item type
 */
public final class SinglePage<R, T> implements PageFetcher<T> {
  private final Supplier<? extends RawResponse<R>> call;
  private final Function<? super R, ? extends List<T>> items;
  private final ItemsField field;

  private SinglePage(Supplier<? extends RawResponse<R>> call,
      Function<? super R, ? extends List<T>> items, ItemsField field) {
    this.call = call;
    this.items = items;
    this.field = field;
  }

  /**
   * {@return the fetcher}
   *
   * @param call fetches the list
   * @param items the body's items; a null list fails unless {@link #itemsField} says the spec
   *     allows null (a missing body always fails)
   * @param <R> the response body type
   * @param <T> the item type
   */
  public static <R, T> SinglePage<R, T> of(
      Supplier<? extends RawResponse<R>> call, Function<? super R, ? extends List<T>> items) {
    return new SinglePage<>(Objects.requireNonNull(call, "call"),
        Objects.requireNonNull(items, "items"), ItemsField.UNNAMED);
  }

  /**
   * {@return this strategy with that field}
   *
   * @param itemsField what the spec says of the items field: its name for messages, and
   *     whether null is an empty list
   */
  public SinglePage<R, T> itemsField(ItemsField itemsField) {
    return new SinglePage<>(call, items, Objects.requireNonNull(itemsField, "itemsField"));
  }

  @Override
  public Page<T> fetch(PagePosition position) {
    RawResponse<R> response = call.get();
    return Page.fromResponse(position, response, items, field);
  }

  @Override
  public PagePosition first() {
    return PagePosition.start();
  }

  @Override
  public Optional<PagePosition> next(Page<T> page) {
    return Optional.empty();
  }

  @Override
  public boolean accepts(PagePosition position) {
    return position.isStart();
  }
}
