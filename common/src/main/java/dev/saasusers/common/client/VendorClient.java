package dev.saasusers.common.client;

import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.http.BoundApi;
import dev.saasusers.common.paging.PageFetcher;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.common.user.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The shared half of every vendor client: its runtime (transport, auth, retries), the vendor's
 * whole generated API ({@link #api()}), {@link #users()}, {@link #directoryUsers()},
 * {@link #withOptions}, its listings ({@link #paged}) and its lifecycle. A vendor client adds only
 * its facts: how to list its users ({@link #listUsers}), how a user maps to a
 * {@link DirectoryUser}, and its builder. The static {@code builder()} and {@code fromEnv()} stay
 * on each vendor client, one line each: Java does not inherit static methods.
 *
 * @param <A> the vendor's generated Feign interface, for example {@code PandaDocApi}
 * @param <C> the vendor client itself, returned by {@link #withOptions}
 * @param <U> the vendor's user model
 * @param <P> the vendor's listing parameters, for example {@code PandaDocListUsersParams}
 */
public abstract class VendorClient<A, C extends VendorClient<A, C, U, P>, U, P>
    implements UserDirectory, AutoCloseable {
  /** The catch-all constant the generator adds to every enum, for values newer than the spec. */
  private static final String UNKNOWN_ENUM_CONSTANT = "UNKNOWN_DEFAULT_OPEN_API";

  /** The transport, auth, retry and decoding stack that the generated interfaces run on. */
  protected final ClientRuntime runtime;
  private final BoundApi<A> api;
  private final Function<ClientRuntime, C> rebuild;
  private final Function<U, DirectoryUser> toDirectoryUser;
  private final P defaultParams;
  /** Per-call overrides of a derived client; set once by {@link #withOptions}, before publication. */
  private RequestOptions requestOptions = RequestOptions.none();

  /**
   * Creates a {@code VendorClient}.
   *
   * @param runtime the client's runtime
   * @param apiType the vendor's generated interface, bound to the runtime once here
   * @param rebuild the vendor client's constructor from a runtime, for {@link #withOptions}
   * @param toDirectoryUser maps a vendor user to the cross-vendor shape
   * @param defaultParams the parameters of {@code users().list()}
   */
  protected VendorClient(ClientRuntime runtime, Class<A> apiType,
      Function<ClientRuntime, C> rebuild, Function<U, DirectoryUser> toDirectoryUser,
      P defaultParams) {
    this.runtime = runtime;
    this.api = runtime.bind(apiType);
    this.rebuild = Objects.requireNonNull(rebuild, "rebuild");
    this.toDirectoryUser = Objects.requireNonNull(toDirectoryUser, "toDirectoryUser");
    this.defaultParams = Objects.requireNonNull(defaultParams, "defaultParams");
  }

  /** {@return the vendor's user listings: {@code list()} and {@code list(params)}} */
  public final Users<U, P> users() {
    return new Users<>(this::listUsers, defaultParams);
  }

  /**
   * Lists the vendor's users.
   *
   * @param params the vendor's parameters, never null
   * @return a lazy listing
   * @throws IllegalArgumentException naming a parameter that is wrong, before any request
   */
  protected abstract PagedIterable<U> listUsers(P params);

  @Override
  public final PagedIterable<DirectoryUser> directoryUsers() {
    return users().list().map(toDirectoryUser);
  }

  /**
   * The roles of a user whose vendor gives one role as a generated enum.
   *
   * @param role the role, or null
   * @param value the enum's value as the vendor spells it
   * @param <E> the enum type
   * @return no role for null; {@link DirectoryUser#UNKNOWN_ROLE} for a role newer than the spec
   *     (the generator's catch-all: its name is no role); else the vendor's value
   */
  protected static <E extends Enum<E>> List<String> roles(E role, Function<E, String> value) {
    if (role == null) {
      return List.of();
    }
    return List.of(role.name().equals(UNKNOWN_ENUM_CONSTANT) ? DirectoryUser.UNKNOWN_ROLE
        : value.apply(role));
  }

  /**
   * The roles of a user whose vendor gives a main role and a list of others (a license and
   * workspace roles, a legacy role and role ids).
   *
   * @param first the main role, or null
   * @param others the other roles, or null
   * @param name how the vendor names one of the others
   * @param <T> the type of the others
   * @return {@code first}, then the names of {@code others}; nulls are left out
   */
  protected static <T> List<String> roles(String first, List<T> others, Function<T, String> name) {
    List<String> roles = new ArrayList<>();
    roles.add(first);
    if (others != null) {
      others.forEach(other -> roles.add(name.apply(other)));
    }
    roles.removeIf(Objects::isNull);
    return roles;
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
    // The client's parallelism from withOptions; a later parallelism(n) on the listing wins.
    if (requestOptions.parallelism().isPresent()) {
      listing = listing.parallelism(requestOptions.parallelism().getAsInt());
    }
    return runtime.options().executor().map(listing::executor).orElse(listing);
  }

  @Override
  public String vendorId() {
    return runtime.vendor().id();
  }

  /** {@return the options this client was built with} */
  public ClientOptions options() {
    return runtime.options();
  }

  /** {@return the per-call overrides this client was derived with; none for a built client} */
  public RequestOptions requestOptions() {
    return requestOptions;
  }

  /**
   * Derives a client for some calls only: other timeout, retries, headers or parallelism. It
   * shares this client's transport (connection pool), token cache, rate limiter and organization;
   * closing it releases nothing shared.
   *
   * @param overrides what to change, applied on top of this client's own; unset options keep
   *     this client's values
   * @return the derived client
   * @throws IllegalArgumentException naming a bad option, before any request
   */
  public final C withOptions(RequestOptions overrides) {
    Objects.requireNonNull(overrides, "overrides");
    RequestOptions merged = requestOptions.then(overrides);
    C derived = rebuild.apply(runtime.withOptions(overrides.applyTo(runtime.options())));
    ((VendorClient<A, C, U, P>) derived).requestOptions = merged;
    return derived;
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
