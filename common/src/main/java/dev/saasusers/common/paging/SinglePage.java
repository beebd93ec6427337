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
 * SinglePage.of(() -> api.listUsersWithHttpInfo(), UserList::getData);
 * }</pre>
 *
 * @param <R> the response body type
 * @param <T> the item type
 */
public final class SinglePage<R, T> implements PageFetcher<T> {
  private final Supplier<? extends RawResponse<R>> call;
  private final Function<? super R, ? extends List<T>> items;

  private SinglePage(
      Supplier<? extends RawResponse<R>> call, Function<? super R, ? extends List<T>> items) {
    this.call = call;
    this.items = items;
  }

  /**
   * @param call fetches the list
   * @param items the body's items; a null list (or body) is an empty list
   * @param <R> the response body type
   * @param <T> the item type
   * @return the fetcher
   */
  public static <R, T> SinglePage<R, T> of(
      Supplier<? extends RawResponse<R>> call, Function<? super R, ? extends List<T>> items) {
    return new SinglePage<>(Objects.requireNonNull(call, "call"),
        Objects.requireNonNull(items, "items"));
  }

  @Override
  public Page<T> fetch(PagePosition position) {
    RawResponse<R> response = call.get();
    return Page.fromResponse(position, response, items);
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
