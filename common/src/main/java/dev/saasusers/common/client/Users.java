package dev.saasusers.common.client;

import dev.saasusers.common.paging.PagedIterable;
import java.util.Objects;
import java.util.function.Function;

/**
 * The user listings of one vendor client, the same for every vendor: {@code list()} with the
 * vendor's default parameters, {@code list(params)} with the vendor's own parameters class (for
 * example {@code DatagridListUsersParams}). Both are lazy: no request until iteration starts.
 *
 * <pre>{@code
 * client.users().list().forEach(u -> System.out.println(u.getEmail()));
 * client.users().list(DatagridListUsersParams.defaults().withSearch("ann")).stream().count();
 * }</pre>
 *
 * @param <U> the vendor's user model
 * @param <P> the vendor's listing parameters
 */
public final class Users<U, P> {
  private final Function<P, PagedIterable<U>> lister;
  private final P defaults;

  Users(Function<P, PagedIterable<U>> lister, P defaults) {
    this.lister = lister;
    this.defaults = defaults;
  }

  /**
   * {@return every user with the vendor's default parameters (the client's organization, where
   * the vendor has one), lazily}
   */
  public PagedIterable<U> list() {
    return lister.apply(defaults);
  }

  /**
   * {@return every matching user, lazily; each page exposes its raw response}
   *
   * @param params the vendor's parameters, checked when they were built
   * @throws NullPointerException when {@code params} is null
   */
  public PagedIterable<U> list(P params) {
    return lister.apply(Objects.requireNonNull(params, "params"));
  }
}
