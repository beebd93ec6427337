package dev.saasusers.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saasusers.common.client.RequestOptions;
import dev.saasusers.common.client.VendorClient;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.http.ApiException;
import dev.saasusers.common.http.NotFoundException;
import dev.saasusers.common.http.RateLimitException;
import dev.saasusers.common.http.ServerException;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.DatagridListUsersParams;
import dev.saasusers.datagrid.model.OrganizationUser;
import dev.saasusers.datagrid.model.RateLimitError;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.pandadoc.PandaDocListUsersParams;
import dev.saasusers.pandadoc.model.PandaDocUser;
import dev.saasusers.pandadoc.model.WorkspaceMembership;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.podero.PoderoListUsersParams;
import dev.saasusers.podero.model.UserOutput;
import dev.saasusers.polytomic.PolytomicClient;
import dev.saasusers.polytomic.PolytomicListUsersParams;
import dev.saasusers.polytomic.model.ApiError;
import dev.saasusers.polytomic.model.User;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakeFault;
import dev.saasusers.testing.FakePandaDoc;
import dev.saasusers.testing.FakePodero;
import dev.saasusers.testing.FakePolytomic;
import dev.saasusers.testing.FakeVendor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one contract every vendor facade keeps, run for each vendor against its fake over
 * loopback: the same shape ({@code builder}, {@code fromEnv}, {@code users().list()},
 * {@code directoryUsers()}, {@code withOptions}), each user once, lazy listings, the vendor's
 * error shape surfaced without secrets, and, where the API has an organization, the org id as a
 * builder setting required at {@code build()} and replaceable per listing. What only one vendor
 * does (cursor or page-number paging, OAuth2 grants, version headers) stays in its module.
 */
class VendorContractTest {
  private static final int USERS = 25;
  private static final Map<String, FakeVendor> FAKES = new HashMap<>();

  /**
   * One vendor's facts for the contract.
   *
   * @param name the vendor id, also the test's display name
   * @param start starts the vendor's fake
   * @param client a client for the fake, without retries
   * @param environment the variables {@code fromEnv} reads for the fake
   * @param credentialVariable a variable {@code fromEnv} cannot do without
   * @param authorization the Authorization header the fake must see, or null when it is issued
   *     by the fake's token endpoint (checked by the fake itself)
   * @param withDefaultBaseUrl a client with credentials (and org) only
   * @param defaultBaseUrl the spec's server
   * @param listedIds the ids {@code users().list()} delivers, in order
   * @param idOf the id of a typed user
   * @param expected the cross-vendor user a typed user must map to, stated here once more
   * @param errorBody checks an error in the vendor's own shape (its model where the spec has
   *     one) against the vendor message
   * @param org the organization facts, or null when the API has none
   * @param pageSize the page size facts, or null when the API answers in one response
   * @param filter the vendor's filter flag, or null when it has none the fake serves
   */
  record Contract(String name, Supplier<FakeVendor> start,
      Function<FakeVendor, VendorClient<?, ?, ?, ?>> client,
      Function<FakeVendor, Map<String, String>> environment, String credentialVariable,
      Function<FakeVendor, String> authorization, Supplier<VendorClient<?, ?, ?, ?>> withDefaultBaseUrl,
      String defaultBaseUrl, Function<FakeVendor, List<String>> listedIds,
      Function<Object, String> idOf, Function<Object, DirectoryUser> expected,
      BiConsumer<ApiException, String> errorBody, Org org, PageSize pageSize, Filter filter) {
    @Override
    public String toString() {
      return name;
    }

    FakeVendor fake() {
      return FAKES.computeIfAbsent(name, n -> start.get());
    }
  }

  /**
   * The organization facts of a vendor whose API lists only within one.
   *
   * @param variable the {@code *_ORG_ID} variable
   * @param withoutOrgId a builder's {@code build()} with credentials but no org id
   * @param listOrg lists another organization through the params' {@code withOrgId(...)}
   * @param paramsOrgId the params' {@code withOrgId(String)}
   * @param builderOrgId the client builder's {@code orgId(String)}
   */
  record Org(String variable, Supplier<Object> withoutOrgId,
      BiFunction<VendorClient<?, ?, ?, ?>, UUID, PagedIterable<?>> listOrg,
      Consumer<String> paramsOrgId, Consumer<String> builderOrgId) {
  }

  /**
   * The page size of a vendor that pages.
   *
   * @param max the API's largest page
   * @param withPageSize the params' {@code withPageSize(n)}
   */
  record PageSize(int max, IntFunction<Object> withPageSize) {
  }

  /**
   * A filter flag of the vendor's listing, sent only when set.
   *
   * @param parameter the query parameter, for example {@code show_removed}
   * @param value its value when set
   * @param list lists with the flag set
   * @param ids the ids listed with the flag set
   */
  record Filter(String parameter, String value, Function<VendorClient<?, ?, ?, ?>, PagedIterable<?>> list,
      Function<FakeVendor, List<String>> ids) {
  }

  static Stream<Contract> vendors() {
    return Stream.of(
        new Contract("polytomic", () -> FakePolytomic.start(USERS),
            f -> PolytomicClient.builder().apiKey(polytomic(f).apiKey()).orgId(polytomic(f).orgId())
                .baseUrl(f.baseUrl()).maxRetries(0).build(),
            f -> Map.of("POLYTOMIC_API_KEY", polytomic(f).apiKey(),
                "POLYTOMIC_ORG_ID", polytomic(f).orgId().toString(), "POLYTOMIC_BASE_URL", f.baseUrl()),
            "POLYTOMIC_API_KEY", f -> "Bearer " + polytomic(f).apiKey(),
            () -> PolytomicClient.builder().apiKey("k").orgId(UUID.randomUUID()).build(),
            "https://app.polytomic.com", FakeVendor::userIds,
            u -> String.valueOf(((User) u).getId()), u -> {
              User user = (User) u;
              List<String> roles = new ArrayList<>();
              roles.add(user.getRole());
              Objects.requireNonNullElse(user.getRoleIds(), List.<UUID>of())
                  .forEach(id -> roles.add(id.toString()));
              return new DirectoryUser("polytomic", user.getId().toString(), user.getEmail(), null,
                  null, roles, null);
            }, (e, message) -> {
              ApiError error = e.bodyAs(ApiError.class).orElseThrow();
              assertEquals(e.statusCode(), error.getStatus());
              assertEquals(e.statusCode() == 429 ? "rate_limited" : "internal_error", error.getKey());
              assertEquals(message, error.getMessage());
            },
            new Org("POLYTOMIC_ORG_ID", () -> PolytomicClient.builder().apiKey("k").build(),
                (c, org) -> ((PolytomicClient) c).users()
                    .list(PolytomicListUsersParams.defaults().withOrgId(org)),
                id -> PolytomicListUsersParams.defaults().withOrgId(id),
                id -> PolytomicClient.builder().orgId(id)), null, null),
        new Contract("datagrid", () -> FakeDatagrid.start(USERS),
            f -> DatagridClient.builder().apiKey(datagrid(f).apiKey()).baseUrl(f.baseUrl())
                .maxRetries(0).build(),
            f -> Map.of("DATAGRID_API_KEY", datagrid(f).apiKey(), "DATAGRID_BASE_URL", f.baseUrl()),
            "DATAGRID_API_KEY", f -> "Bearer " + datagrid(f).apiKey(),
            () -> DatagridClient.builder().apiKey("k").build(), "https://api.datagrid.com/v1",
            FakeVendor::userIds, u -> ((OrganizationUser) u).getId(), u -> {
              OrganizationUser user = (OrganizationUser) u;
              String role = user.getPermissions() == null || user.getPermissions().getRole() == null
                  ? null : user.getPermissions().getRole().getValue();
              return new DirectoryUser("datagrid", user.getId(), user.getEmail(),
                  user.getFirstName(), user.getLastName(), role == null ? List.of() : List.of(role),
                  null);
            }, (e, message) -> {
              if (e.statusCode() == 429) {
                // RateLimitError has status_code and the deprecated statusCode side by side.
                RateLimitError error = e.bodyAs(RateLimitError.class).orElseThrow();
                assertEquals(429, error.getStatusCode());
                assertEquals(message, error.getMessage());
                assertTrue(error.getRetryable());
                assertTrue(error.getMitigation().contains("Retry-After"), error.getMitigation());
                assertFalse(error.getDetails().getReason().isBlank());
              } else {
                JsonNode body = e.bodyAs(JsonNode.class).orElseThrow();
                assertEquals("server_error", body.get("error").asText());
                assertEquals(message, body.get("message").asText());
              }
            }, null, new PageSize(100, n -> DatagridListUsersParams.defaults().withPageSize(n)),
            null),
        new Contract("pandadoc", () -> FakePandaDoc.start(USERS),
            f -> PandaDocClient.builder().apiKey(pandaDoc(f).apiKey()).baseUrl(f.baseUrl())
                .maxRetries(0).build(),
            f -> Map.of("PANDADOC_API_KEY", pandaDoc(f).apiKey(), "PANDADOC_BASE_URL", f.baseUrl()),
            "PANDADOC_API_KEY", f -> "API-Key " + pandaDoc(f).apiKey(),
            () -> PandaDocClient.builder().apiKey("k").build(), "https://api.pandadoc.com",
            FakeVendor::userIds, u -> ((PandaDocUser) u).getUserId(), u -> {
              PandaDocUser user = (PandaDocUser) u;
              List<String> roles = new ArrayList<>();
              roles.add(user.getLicense());
              Objects.requireNonNullElse(user.getWorkspaces(), List.<WorkspaceMembership>of())
                  .forEach(w -> roles.add(w.getRole()));
              return new DirectoryUser("pandadoc", user.getUserId(), user.getEmail(),
                  user.getFirstName(), user.getLastName(), roles, null);
            }, (e, message) -> {
              JsonNode body = e.bodyAs(JsonNode.class).orElseThrow();
              assertEquals(e.statusCode() == 429 ? "throttled" : "server_error", body.get("type").asText());
              assertEquals(message, body.get("detail").asText());
            }, null, new PageSize(50, n -> PandaDocListUsersParams.defaults().withPageSize(n)),
            new Filter("show_removed", "false", c -> ((PandaDocClient) c).users()
                .list(PandaDocListUsersParams.defaults().withShowRemoved(false)),
                f -> f.userIds().stream().filter(id -> !pandaDoc(f).removedUserIds().contains(id))
                    .toList())),
        new Contract("podero", () -> FakePodero.start(USERS),
            f -> PoderoClient.builder().clientCredentials(podero(f).clientId(), podero(f).clientSecret())
                .orgId(podero(f).orgId()).baseUrl(f.baseUrl()).maxRetries(0).build(),
            f -> Map.of("PODERO_CLIENT_ID", podero(f).clientId(),
                "PODERO_CLIENT_SECRET", podero(f).clientSecret(),
                "PODERO_ORG_ID", podero(f).orgId().toString(), "PODERO_BASE_URL", f.baseUrl()),
            "PODERO_CLIENT_SECRET", f -> null,
            () -> PoderoClient.builder().clientCredentials("id", "secret").orgId(UUID.randomUUID())
                .build(),
            "https://app.podero.com",
            f -> f.userIds().stream().filter(id -> !podero(f).deletedUserIds().contains(id)).toList(),
            u -> String.valueOf(((UserOutput) u).getId()), u -> {
              UserOutput user = (UserOutput) u;
              return new DirectoryUser("podero", user.getId().toString(), user.getEmail(),
                  user.getFirstName(), user.getLastName(),
                  user.getRole() == null ? List.of() : List.of(user.getRole().getValue()), null);
            }, (e, message) -> assertEquals(message,
                e.bodyAs(JsonNode.class).orElseThrow().get("detail").asText()),
            new Org("PODERO_ORG_ID",
                () -> PoderoClient.builder().clientCredentials("id", "secret").build(),
                (c, org) -> ((PoderoClient) c).users()
                    .list(PoderoListUsersParams.defaults().withOrgId(org)),
                id -> PoderoListUsersParams.defaults().withOrgId(id),
                id -> PoderoClient.builder().orgId(id)), null,
            new Filter("include_deleted", "true", c -> ((PoderoClient) c).users()
                .list(PoderoListUsersParams.defaults().withIncludeDeleted(true)),
                FakeVendor::userIds)));
  }

  private static FakePolytomic polytomic(FakeVendor f) {
    return (FakePolytomic) f;
  }

  private static FakeDatagrid datagrid(FakeVendor f) {
    return (FakeDatagrid) f;
  }

  private static FakePandaDoc pandaDoc(FakeVendor f) {
    return (FakePandaDoc) f;
  }

  private static FakePodero podero(FakeVendor f) {
    return (FakePodero) f;
  }

  @BeforeEach
  void forgetRequests() {
    FAKES.values().forEach(f -> {
      f.faults().clear();
      f.resetRequests();
    });
  }

  @AfterAll
  static void stopFakes() {
    FAKES.values().forEach(FakeVendor::close);
    FAKES.clear();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void listsEveryUserOnceInOrderWithTheCredentialsItWasGiven(Contract v) {
    FakeVendor fake = v.fake();
    List<String> ids;
    try (VendorClient<?, ?, ?, ?> client = v.client().apply(fake)) {
      ids = client.users().list().stream().map(v.idOf()).toList();
    }

    assertEquals(v.listedIds().apply(fake), ids);
    String authorization = v.authorization().apply(fake);
    if (authorization != null) {
      fake.server().verify(anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo(authorization)));
      assertEquals(0, fake.server().findAll(anyRequestedFor(anyUrl())).stream()
          .filter(r -> !authorization.equals(r.getHeader("Authorization"))).count());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void listingsAreLazyAndFreshOnEachIteration(Contract v) {
    FakeVendor fake = v.fake();
    try (VendorClient<?, ?, ?, ?> client = v.client().apply(fake)) {
      PagedIterable<?> users = client.users().list();
      PagedIterable<DirectoryUser> directory = client.directoryUsers();
      assertEquals(0, fake.requestCount(), "no request before iteration");

      assertEquals(users.stream().count(), users.stream().count());
      assertEquals(v.listedIds().apply(fake).size(), directory.stream().count());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void directoryUsersAreTheListingMappedToTheCrossVendorShape(Contract v) {
    List<Object> typed;
    List<DirectoryUser> directory;
    try (VendorClient<?, ?, ?, ?> client = v.client().apply(v.fake())) {
      typed = new ArrayList<>(client.users().list().toList());
      directory = client.directoryUsers().toList();
    }

    assertEquals(typed.stream().map(v.expected()).toList(), directory);
    assertTrue(directory.stream().allMatch(u -> u.vendor().equals(v.name())));
    assertEquals(v.listedIds().apply(v.fake()), directory.stream().map(DirectoryUser::id).toList());
    try (VendorClient<?, ?, ?, ?> client = v.client().apply(v.fake())) {
      assertEquals(v.name(), client.vendorId());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void fromEnvReadsTheCredentialsTheBaseUrlAndTheOrganization(Contract v) {
    FakeVendor fake = v.fake();
    try (VendorClient<?, ?, ?, ?> client = builderFromEnv(v, Environment.of(v.environment().apply(fake)))) {
      assertEquals(v.listedIds().apply(fake).size(), client.users().list().stream().count());
      assertEquals(fake.baseUrl(), client.options().baseUrl().toString().replaceAll("/$", ""));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void fromEnvNamesAMissingCredentialVariable(Contract v) {
    Map<String, String> variables = new HashMap<>(v.environment().apply(v.fake()));
    variables.remove(v.credentialVariable());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builderFromEnv(v, Environment.of(variables)));

    assertTrue(e.getMessage().contains(v.credentialVariable()), e.getMessage());
    assertEquals(0, v.fake().requestCount());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void defaultsToTheSpecsServer(Contract v) {
    try (VendorClient<?, ?, ?, ?> client = v.withDefaultBaseUrl().get()) {
      assertEquals(v.defaultBaseUrl(), client.options().baseUrl().toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void withOptionsDerivesAClientOfTheSameVendorThatListsTheSameUsers(Contract v) {
    FakeVendor fake = v.fake();
    try (VendorClient<?, ?, ?, ?> client = v.client().apply(fake)) {
      VendorClient<?, ?, ?, ?> derived = client.withOptions(
          RequestOptions.builder().header("X-Request-Source", "contract").build());

      assertNotSame(client, derived);
      assertEquals(client.getClass(), derived.getClass());
      assertEquals(v.listedIds().apply(fake), derived.users().list().stream().map(v.idOf()).toList());
      fake.server().verify(anyRequestedFor(anyUrl()).withHeader("X-Request-Source", equalTo("contract")));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("vendorsAndErrors")
  void surfacesTheVendorsErrorBodyWithoutSecrets(Contract v, FakeFault fault,
      Class<? extends ApiException> type) {
    FakeVendor fake = v.fake();
    fake.faults().next(fault);
    ApiException e;
    try (VendorClient<?, ?, ?, ?> client = v.client().apply(fake)) {
      e = assertThrows(type, () -> client.users().list().toList());
    }

    assertEquals(fault.status(), e.statusCode());
    String message = e.vendorMessage().orElseThrow();
    assertEquals(fault == FakeFault.INTERNAL_ERROR ? "Injected fault: INTERNAL_ERROR"
        : v.name().equals("pandadoc") ? "Request was throttled." : "Rate limit exceeded, retry later",
        message);
    v.errorBody().accept(e, message);
    assertTrue(e.getMessage().contains(message), e.getMessage());
    for (String value : v.environment().apply(fake).values()) {
      if (!value.startsWith("http") && !value.matches("[0-9a-f-]{36}")) {
        assertFalse(e.getMessage().contains(value), "a secret in: " + e.getMessage());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendorsWithAnOrganization")
  void buildWithoutAnOrgIdIsRefusedNamingTheOptionAndTheVariable(Contract v) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> v.org().withoutOrgId().get());

    assertTrue(e.getMessage().contains("orgId"), e.getMessage());
    assertTrue(e.getMessage().contains(v.org().variable()), e.getMessage());
    Map<String, String> variables = new HashMap<>(v.environment().apply(v.fake()));
    variables.remove(v.org().variable());
    IllegalArgumentException fromEnv = assertThrows(IllegalArgumentException.class,
        () -> builderFromEnv(v, Environment.of(variables)));
    assertTrue(fromEnv.getMessage().contains(v.org().variable()), fromEnv.getMessage());
    assertEquals(0, v.fake().requestCount());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendorsWithAnOrganization")
  void aListingCanNameAnotherOrganization(Contract v) {
    FakeVendor fake = v.fake();
    UUID other = UUID.randomUUID();
    try (VendorClient<?, ?, ?, ?> client = v.client().apply(fake)) {
      assertThrows(NotFoundException.class, () -> v.org().listOrg().apply(client, other).toList());
    }

    assertTrue(fake.requests().stream().anyMatch(r -> r.url().contains("/" + other + "/")),
        fake.requests().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendorsWithAnOrganization")
  void fromEnvNamesAnOrgIdThatIsNotAUuid(Contract v) {
    Map<String, String> variables = new HashMap<>(v.environment().apply(v.fake()));
    variables.put(v.org().variable(), "../etc");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builderFromEnv(v, Environment.of(variables)));

    assertTrue(e.getMessage().contains(v.org().variable()), e.getMessage());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("orgIdsThatAreNotUuids")
  void rejectsAnOrgIdThatIsNotAUuidBeforeAnyRequest(Contract v, String orgId) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> v.org().paramsOrgId().accept(orgId));
    assertTrue(e.getMessage().contains("orgId"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> v.org().builderOrgId().accept(orgId));
    assertTrue(e.getMessage().contains("orgId"), e.getMessage());
    assertEquals(0, v.fake().requestCount());
  }

  static Stream<Arguments> orgIdsThatAreNotUuids() {
    return vendorsWithAnOrganization().flatMap(v -> Stream.of("not-a-uuid", "../admin",
        "../../admin", "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/../x",
        "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/..", "").map(id -> Arguments.of(v, id)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("pageSizesOutOfRange")
  void rejectsAPageSizeOutOfRangeBeforeAnyRequest(Contract v, int pageSize) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> v.pageSize().withPageSize().apply(pageSize));

    assertTrue(e.getMessage().contains(
        "pageSize must be between 1 and " + v.pageSize().max() + ", was " + pageSize), e.getMessage());
    assertEquals(0, v.fake().requestCount());
    v.pageSize().withPageSize().apply(1);
    v.pageSize().withPageSize().apply(v.pageSize().max());
  }

  static Stream<Arguments> pageSizesOutOfRange() {
    return vendors().filter(v -> v.pageSize() != null).flatMap(v -> Stream.of(0, -1,
        v.pageSize().max() + 1).map(n -> Arguments.of(v, n)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendorsWithAFilter")
  void sendsTheFilterOnlyWhenItIsSet(Contract v) {
    FakeVendor fake = v.fake();
    Filter filter = v.filter();
    try (VendorClient<?, ?, ?, ?> client = v.client().apply(fake)) {
      assertEquals(filter.ids().apply(fake), filter.list().apply(client).stream().map(v.idOf()).toList());
      assertEquals(1, usersRequests(fake, filter.parameter() + "=" + filter.value()));
      assertEquals(v.listedIds().apply(fake), client.users().list().stream().map(v.idOf()).toList());
    }

    assertEquals(1, usersRequests(fake, filter.parameter() + "="));
    assertNotEquals(v.listedIds().apply(fake), filter.ids().apply(fake), "the fake has users the filter changes");
  }

  private static long usersRequests(FakeVendor fake, String query) {
    return fake.requests().stream().filter(r -> r.url().contains(query)).count();
  }

  static Stream<Contract> vendorsWithAFilter() {
    return vendors().filter(v -> v.filter() != null);
  }

  static Stream<Arguments> vendorsAndErrors() {
    return vendors().flatMap(v -> Stream.of(
        Arguments.of(v, FakeFault.INTERNAL_ERROR, ServerException.class),
        Arguments.of(v, FakeFault.RATE_LIMITED, RateLimitException.class)));
  }

  static Stream<Contract> vendorsWithAnOrganization() {
    return vendors().filter(v -> v.org() != null);
  }

  /** {@code <Vendor>Client.builder().fromEnv(env).build()}, as the vendor's own statics do it. */
  private static VendorClient<?, ?, ?, ?> builderFromEnv(Contract v, Environment env) {
    return switch (v.name()) {
      case "polytomic" -> PolytomicClient.builder().fromEnv(env).build();
      case "datagrid" -> DatagridClient.builder().fromEnv(env).build();
      case "pandadoc" -> PandaDocClient.builder().fromEnv(env).build();
      case "podero" -> PoderoClient.builder().fromEnv(env).build();
      default -> throw new IllegalArgumentException(v.name());
    };
  }
}
