package dev.saasusers.common.client;

import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.http.BoundApi;
import dev.saasusers.common.paging.PageFetcher;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.common.user.UserDirectory;
import java.util.Objects;
import java.util.function.Function;

/**
 * The shared half of every vendor client: its runtime (transport, auth, retries), its listings
 * and its lifecycle. A vendor client adds its typed {@code users()} and the mapping to
 * {@link dev.saasusers.common.user.DirectoryUser}.
 */
public abstract class VendorClient implements UserDirectory, AutoCloseable {
  /** The transport, auth, retry and decoding stack that the generated interfaces run on. */
  protected final ClientRuntime runtime;
  /** Per-call overrides of a derived client; set once by {@link #derive}, before publication. */
  private RequestOptions requestOptions = RequestOptions.none();

  /**
   * @param runtime the client's runtime
   */
  protected VendorClient(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public String vendorId() {
    return runtime.vendor().id();
  }

  /**
   * @return the options this client was built with
   */
  public ClientOptions options() {
    return runtime.options();
  }

  /**
   * @return the per-call overrides this client was derived with; none for a built client
   */
  public RequestOptions requestOptions() {
    return requestOptions;
  }

  /**
   * Derives a client of the same vendor with per-call overrides. It shares this client's
   * transport (connection pool), token cache and rate limiter; closing it releases nothing
   * shared. A vendor client exposes this as {@code withOptions(RequestOptions)}.
   *
   * @param overrides the overrides, applied on top of this client's own
   * @param factory the vendor client's constructor from a runtime
   * @param <C> the vendor client type
   * @return the derived client
   * @throws IllegalArgumentException naming a bad option, before any request
   */
  protected final <C extends VendorClient> C derive(RequestOptions overrides,
      Function<ClientRuntime, C> factory) {
    Objects.requireNonNull(overrides, "overrides");
    RequestOptions merged = requestOptions.then(overrides);
    C derived = factory.apply(runtime.withOptions(overrides.applyTo(runtime.options())));
    ((VendorClient) derived).requestOptions = merged;
    return derived;
  }

  /**
   * @param requested the parallelism a listing's parameters ask for
   * @return the per-call parallelism when one was set with {@code withOptions}, else
   *     {@code requested}
   */
  protected int parallelism(int requested) {
    return requestOptions.parallelism().orElse(requested);
  }

  /**
   * Wraps a strategy in the user-facing listing, with the client's listeners. The strategy is
   * given the generated interface: the retrying one for synchronous runs, and a one-attempt
   * view per attempt for asynchronous runs, which schedule their retry waits.
   *
   * <pre>{@code
   * paged("page", api, a -> PageNumberPaging.of(page -> a.listUsersWithHttpInfo(page, 50), 50,
   *     UserList::getResults, UserList::getTotal));
   * }</pre>
   *
   * @param strategyId the paging strategy's id, part of every checkpoint
   * @param api the generated interface, bound to this client
   * @param strategy builds the strategy over an interface
   * @param <A> the interface type
   * @param <T> the item type
   * @return a lazy listing
   */
  protected <A, T> PagedIterable<T> paged(String strategyId, BoundApi<A> api,
      Function<A, ? extends PageFetcher<T>> strategy) {
    PagedIterable<T> listing = PagedIterable.of(vendorId(), strategyId, strategy.apply(api.calls()))
        .retriedBy(runtime.loop(), attempt -> strategy.apply(api.forAttempt(attempt)))
        .listener(runtime.listener());
    return runtime.options().executor().map(listing::executor).orElse(listing);
  }

  /** Releases the transport's connections and threads when the client owns them. */
  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + runtime.options() + "}";
  }
}
