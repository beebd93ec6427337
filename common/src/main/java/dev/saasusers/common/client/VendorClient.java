package dev.saasusers.common.client;

import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.http.ClientRuntime;
import dev.saasusers.common.paging.PageFetcher;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.common.user.UserDirectory;

/**
 * The shared half of every vendor client: its runtime (transport, auth, retries), its listings
 * and its lifecycle. A vendor client adds its typed {@code users()} and the mapping to
 * {@link dev.saasusers.common.user.DirectoryUser}.
 */
public abstract class VendorClient implements UserDirectory, AutoCloseable {
  /** The transport, auth, retry and decoding stack that the generated interfaces run on. */
  protected final ClientRuntime runtime;

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
   * Wraps a strategy in the user-facing listing, with the client's listeners.
   *
   * @param strategyId the paging strategy's id, part of every checkpoint
   * @param fetcher the strategy
   * @param <T> the item type
   * @return a lazy listing
   */
  protected <T> PagedIterable<T> paged(String strategyId, PageFetcher<T> fetcher) {
    PagedIterable<T> listing =
        PagedIterable.of(vendorId(), strategyId, fetcher).listener(runtime.listener());
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
