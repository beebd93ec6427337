package dev.saasusers.common.client;

import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.http.BoundApi;
import dev.saasusers.common.paging.PageFetcher;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.common.user.UserDirectory;
import java.util.Objects;
import java.util.function.Function;

/**
 * The shared half of every vendor client: its runtime (transport, auth, retries), the vendor's
 * whole generated API ({@link #api()}), its listings ({@link #paged}) and its lifecycle. A vendor
 * client adds its typed {@code users()} and the mapping to
 * {@link dev.saasusers.common.user.DirectoryUser}.
 *
 * @param <A> the vendor's generated Feign interface, for example {@code PandaDocApi}
 */
public abstract class VendorClient<A> implements UserDirectory, AutoCloseable {
  /** The transport, auth, retry and decoding stack that the generated interfaces run on. */
  protected final ClientRuntime runtime;
  private final BoundApi<A> api;
  /** Per-call overrides of a derived client; set once by {@link #derive}, before publication. */
  private RequestOptions requestOptions = RequestOptions.none();

  /**
   * @param runtime the client's runtime
   * @param apiType the vendor's generated interface, bound to the runtime once here
   */
  protected VendorClient(ClientRuntime runtime, Class<A> apiType) {
    this.runtime = runtime;
    this.api = runtime.bind(apiType);
  }

  /**
   * The vendor's whole generated API, every operation of its spec, through this client's
   * runtime: its credentials, User-Agent, retries (writes only where provably not processed),
   * attempt deadline, events, redacted logging and typed exceptions. A client from
   * {@code withOptions(...)} returns its own, with those options. The {@code ...WithHttpInfo}
   * variant of an operation is its raw form: status, headers, {@code requestId()} and
   * {@code rateLimit()} along with the body.
   *
   * <pre>{@code
   * PandaDocApi api = pandadoc.api();
   * var created = api.createUser(new UserCreateRequest().email("ann@example.com"));
   * var raw = api.detailsUserWithHttpInfo(userId);   // raw.statusCode(), raw.requestId()
   * }</pre>
   *
   * @return the generated interface; thread-safe
   */
  public A api() {
    return api.calls();
  }

  /**
   * Pages any list operation of the generated API with the SDK's engine: lazy, with
   * checkpoints, prefetch, parallel pages (for page-number paging) and the listing guards.
   * The strategy is built over the interface it is given: the retrying one for synchronous runs,
   * a one-attempt view for each attempt of an asynchronous run, which schedules its waits.
   *
   * <pre>{@code
   * PagedIterable<DocumentListItem> docs = pandadoc.paged("documents", api -> PageNumberPaging.of(
   *     page -> api.listDocumentsWithHttpInfo(new PandaDocApi.ListDocumentsQueryParams()
   *         .page(page).count(50)), 50, DocumentListResponse::getResults, body -> null));
   * docs.forEach(d -> System.out.println(d.getName()));
   * }</pre>
   *
   * @param strategyId names the listing in its checkpoints, for example {@code documents}:
   *     lowercase letters, digits, {@code -} or {@code _}
   * @param strategy builds the paging strategy ({@code PageNumberPaging}, {@code CursorPaging}
   *     or {@code SinglePage}) over the interface
   * @param <T> the item type
   * @return a lazy listing; nothing is fetched yet
   * @throws IllegalArgumentException when {@code strategyId} is not a valid id
   */
  public <T> PagedIterable<T> paged(String strategyId, Function<A, ? extends PageFetcher<T>> strategy) {
    Objects.requireNonNull(strategy, "strategy");
    PagedIterable<T> listing = PagedIterable.of(vendorId(), strategyId, strategy.apply(api.calls()))
        .retriedBy(runtime.loop(), attempt -> strategy.apply(api.forAttempt(attempt)))
        .listener(runtime.listener());
    return runtime.options().executor().map(listing::executor).orElse(listing);
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
  protected final <C extends VendorClient<A>> C derive(RequestOptions overrides,
      Function<ClientRuntime, C> factory) {
    Objects.requireNonNull(overrides, "overrides");
    RequestOptions merged = requestOptions.then(overrides);
    C derived = factory.apply(runtime.withOptions(overrides.applyTo(runtime.options())));
    ((VendorClient<A>) derived).requestOptions = merged;
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
