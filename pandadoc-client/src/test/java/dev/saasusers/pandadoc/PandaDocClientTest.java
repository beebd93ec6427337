package dev.saasusers.pandadoc;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import dev.saasusers.common.client.RequestOptions;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.http.ApiException;
import dev.saasusers.common.http.UnauthorizedException;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.pandadoc.model.PandaDocUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PandaDocClient} over real HTTP, what only PandaDoc does: API-Key and OAuth2 auth,
 * page-number and parallel paging, its 401 body. The shape every vendor shares is
 * reliability-tests' {@code VendorContractTest}, against the fake.
 */
class PandaDocClientTest {
  private static final String USERS = "/public/v1/users";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(options().dynamicPort()).build();

  private PandaDocClient.Builder builder() {
    return PandaDocClient.builder().apiKey("pd-secret").baseUrl(server.baseUrl()).maxRetries(0);
  }

  private static String user(int n) {
    return """
        {"user_id": "u%d", "email": "u%d@example.com", "first_name": "F%d", "last_name": "L%d",
         "license": "Full", "workspaces": [{"role": "Admin", "workspace_id": "w1"}]}"""
        .formatted(n, n, n, n);
  }

  /** Serves users 1..total as pages of {@code count}, each page answered from its own stub. */
  private static void serveUsers(int total, int count, int delayedPage) {
    int pages = (total + count - 1) / count;
    for (int page = 1; page <= pages; page++) {
      String results = IntStream.rangeClosed((page - 1) * count + 1, Math.min(total, page * count))
          .mapToObj(PandaDocClientTest::user).collect(Collectors.joining(","));
      server.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("page", equalTo(String.valueOf(page)))
          .withQueryParam("count", equalTo(String.valueOf(count)))
          .willReturn(okJson("{\"total\": " + total + ", \"results\": [" + results + "]}")
              // A slow early page: order must still hold when later pages arrive first.
              .withFixedDelay(page == delayedPage ? 300 : 0)));
    }
  }

  private static List<String> ids(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "u" + i).toList();
  }

  /** Each way to give PandaDoc a credential, and the Authorization header it must send. */
  static Stream<Arguments> credentials() {
    return Stream.of(
        Arguments.of("an OAuth2 access token, as bearer",
            PandaDocClient.builder().accessToken("oauth-token").baseUrl(server.baseUrl()),
            "Bearer oauth-token"),
        Arguments.of("fromEnv preferring the API key",
            PandaDocClient.builder().fromEnv(Environment.of(Map.of("PANDADOC_API_KEY", "env-key",
                "PANDADOC_ACCESS_TOKEN", "env-token", "PANDADOC_BASE_URL", server.baseUrl()))),
            "API-Key env-key"),
        Arguments.of("fromEnv with an access token only",
            PandaDocClient.builder().fromEnv(Environment.of(Map.of(
                "PANDADOC_ACCESS_TOKEN", "env-token", "PANDADOC_BASE_URL", server.baseUrl()))),
            "Bearer env-token"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("credentials")
  void sendsTheCredentialWithItsScheme(String how, PandaDocClient.Builder builder, String authorization) {
    serveUsers(1, 50, 0);

    try (PandaDocClient client = builder.build()) {
      client.users().list().toList();
    }

    server.verify(1, getRequestedFor(urlPathEqualTo(USERS))
        .withHeader("Authorization", equalTo(authorization)));
  }

  @Test
  void asksTheTokenSupplierForEachRequest() {
    serveUsers(3, 1, 0);
    AtomicInteger calls = new AtomicInteger();

    try (PandaDocClient client = PandaDocClient.builder()
        .tokenSupplier(() -> "token-" + calls.incrementAndGet()).baseUrl(server.baseUrl()).build()) {
      client.users().list(PandaDocListUsersParams.defaults().withPageSize(1)).toList();
    }

    for (int i = 1; i <= 3; i++) {
      server.verify(1, getRequestedFor(urlPathEqualTo(USERS))
          .withHeader("Authorization", equalTo("Bearer token-" + i)));
    }
  }

  @Test
  void walksPagesByNumberUntilTheTotal() {
    serveUsers(5, 2, 0);

    List<Integer> pageSizes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (PandaDocClient client = builder().build()) {
      client.users().list(PandaDocListUsersParams.defaults().withPageSize(2)).pages().forEach(page -> {
        pageSizes.add(page.items().size());
        page.items().forEach(u -> ids.add(u.getUserId()));
      });
    }

    assertEquals(ids(5), ids);
    assertEquals(List.of(2, 2, 1), pageSizes);
    server.verify(3, getRequestedFor(urlPathEqualTo(USERS)));
    server.verify(0, getRequestedFor(urlPathEqualTo(USERS)).withQueryParam("page", equalTo("4")));
  }

  @Test
  void parallelPagesKeepTheirOrder() {
    serveUsers(9, 2, 2);

    List<String> ids;
    try (PandaDocClient client = builder().build()) {
      ids = client.users().list(PandaDocListUsersParams.defaults().withPageSize(2)).parallelism(4)
          .stream().map(PandaDocUser::getUserId).toList();
    }

    assertEquals(ids(9), ids);
    for (int page = 1; page <= 5; page++) {
      server.verify(1, getRequestedFor(urlPathEqualTo(USERS))
          .withQueryParam("page", equalTo(String.valueOf(page))));
    }
    server.verify(5, getRequestedFor(urlPathEqualTo(USERS)));
  }

  @Test
  void theClientsParallelismIsTheListingsDefaultAndTheListingsOwnWins() {
    serveUsers(9, 2, 2);
    PandaDocListUsersParams twoAPage = PandaDocListUsersParams.defaults().withPageSize(2);

    try (PandaDocClient client = builder().build();
        PandaDocClient parallel = client.withOptions(RequestOptions.builder().parallelism(4).build())) {
      assertTrue(parallel.users().list(twoAPage).toString().contains("parallelism=4"));
      assertTrue(parallel.users().list(twoAPage).parallelism(2).toString().contains("parallelism=2"));
      assertTrue(client.users().list(twoAPage).toString().contains("parallelism=1"));
      assertEquals(ids(9), parallel.users().list(twoAPage).stream().map(PandaDocUser::getUserId).toList());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 65})
  void rejectsParallelismOutOfRange(int parallelism) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RequestOptions.builder().parallelism(parallelism));

    assertTrue(e.getMessage().contains("parallelism"), e.getMessage());
  }

  @Test
  void rejectsABlankApiKeyBeforeAnyRequest() {
    assertThrows(IllegalArgumentException.class, () -> PandaDocClient.builder().apiKey(" "));
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void surfacesA401Body() {
    server.stubFor(get(urlPathEqualTo(USERS)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"type\": \"authentication_error\", "
            + "\"detail\": \"Authentication credentials were not provided.\"}")));

    UnauthorizedException e;
    try (PandaDocClient client = builder().build()) {
      e = assertThrows(UnauthorizedException.class, () -> client.users().list().toList());
    }

    assertTypeAndDetail(e, 401, "authentication_error", "Authentication credentials were not provided.");
  }

  private static void assertTypeAndDetail(ApiException e, int status, String type, String detail) {
    assertEquals(status, e.statusCode());
    JsonNode body = e.bodyAs(JsonNode.class).orElseThrow();
    assertEquals(type, body.get("type").asText());
    assertEquals(detail, body.get("detail").asText());
    assertEquals(detail, e.vendorMessage().orElseThrow());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
    assertFalse(e.getMessage().contains("pd-secret"), e.getMessage());
  }

  @Test
  void decodesNullsAndUnknownFields() {
    server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("""
        {"total": 1, "next": "ignored", "results": [{"user_id": "u1", "email": null,
          "first_name": null, "last_name": "Doe", "license": null, "workspaces": null,
          "avatar": {"url": "x"}, "is_organization_owner": null}]}""")));

    List<PandaDocUser> users;
    try (PandaDocClient client = builder().build()) {
      users = client.users().list().toList();
    }

    assertEquals(1, users.size());
    assertNull(users.get(0).getEmail());
    assertNull(users.get(0).getWorkspaces());
    DirectoryUser mapped = PandaDocClient.toDirectoryUser(users.get(0));
    assertEquals(new DirectoryUser("pandadoc", "u1", null, null, "Doe", List.of(), null), mapped);
  }

  @Test
  void fromEnvNamesBothCredentialVariables() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PandaDocClient.builder().fromEnv(Environment.of(Map.of("PANDADOC_API_KEY", " "))));

    assertTrue(e.getMessage().contains("PANDADOC_API_KEY"), e.getMessage());
    assertTrue(e.getMessage().contains("PANDADOC_ACCESS_TOKEN"), e.getMessage());
  }

}
