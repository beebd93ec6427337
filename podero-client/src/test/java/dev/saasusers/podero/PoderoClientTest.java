package dev.saasusers.podero;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.podero.model.Role;
import dev.saasusers.podero.model.UserOutput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PoderoClient} over real HTTP, what only Podero does: OAuth2 grants and token URLs,
 * include_deleted, its environments. The shape every vendor shares is
 * reliability-tests' {@code VendorContractTest}, against the fake.
 */
class PoderoClientTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(options().dynamicPort()).build();

  private static final String ORG = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
  private static final String USERS = "/api/partners/v2.0/org/" + ORG + "/users";
  private static final String TOKEN = "/api/partners/v2.0/auth/token";
  private static final String USER_ID = "11111111-2222-4333-8444-555555555555";

  private static final String ONE_USER = """
      [{"id": "%s", "organization_id": "%s", "role": "admin", "email": "eva@example.com",
        "first_name": "Eva", "last_name": "Berg", "num_inverters": 1, "num_heat_pumps": 0,
        "num_electric_vehicles": 0, "num_wallboxes": 0}]""".formatted(USER_ID, ORG);

  private static void serveToken(String accessToken) {
    server.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(okJson(
        "{\"access_token\": \"" + accessToken + "\", \"token_type\": \"bearer\", \"expires_in\": 3600}")));
  }

  /** Serves one user, and lists once with the client {@code builder} builds. */
  private static void listOnce(PoderoClient.Builder builder) {
    server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson(ONE_USER)));
    try (PoderoClient client = builder.build()) {
      assertEquals(1, client.users().list().toList().size());
    }
  }

  private PoderoClient.Builder builder() {
    return PoderoClient.builder().clientCredentials("client-1", "cs-secret").orgId(ORG)
        .baseUrl(server.baseUrl()).maxRetries(0);
  }

  @Test
  void getsATokenWithClientCredentialsThenSendsItAsBearer() {
    serveToken("tok-1");
    server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson(ONE_USER)));

    try (PoderoClient client = builder().build()) {
      assertEquals(1, client.users().list().toList().size());
      assertEquals(1, client.users().list().toList().size());
    }

    String basic = Base64.getEncoder()
        .encodeToString("client-1:cs-secret".getBytes(StandardCharsets.UTF_8));
    // The spec's relative token URL, resolved against the base URL; one token for both listings.
    server.verify(1, postRequestedFor(urlPathEqualTo(TOKEN))
        .withHeader("Authorization", equalTo("Basic " + basic))
        .withRequestBody(containing("grant_type=client_credentials")));
    server.verify(2, getRequestedFor(urlPathEqualTo(USERS))
        .withHeader("Authorization", equalTo("Bearer tok-1")));
  }

  @Test
  void getsATokenWithThePasswordGrant() {
    serveToken("tok-pw");
    listOnce(PoderoClient.builder().password("ops@partner.example", "pw-secret")
        .baseUrl(server.baseUrl()).orgId(ORG));

    server.verify(1, postRequestedFor(urlPathEqualTo(TOKEN))
        .withRequestBody(containing("grant_type=password"))
        .withRequestBody(containing("username=ops%40partner.example"))
        .withRequestBody(containing("password=pw-secret")));
    server.verify(1, getRequestedFor(urlPathEqualTo(USERS))
        .withHeader("Authorization", equalTo("Bearer tok-pw")));
  }

  @Test
  void aTokenUrlOfItsOwnWins() {
    server.stubFor(post(urlPathEqualTo("/custom/token")).willReturn(okJson(
        "{\"access_token\": \"tok-c\", \"token_type\": \"bearer\", \"expires_in\": 3600}")));
    listOnce(builder().tokenUrl(server.baseUrl() + "/custom/token"));

    server.verify(0, postRequestedFor(urlPathEqualTo(TOKEN)));
    server.verify(1, getRequestedFor(urlPathEqualTo(USERS))
        .withHeader("Authorization", equalTo("Bearer tok-c")));
  }

  @Test
  void buildWithoutCredentialsNamesThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PoderoClient.builder().baseUrl(server.baseUrl()).build());

    assertTrue(e.getMessage().contains("clientCredentials"), e.getMessage());
  }

  @Test
  void selectsTheSandboxByNameAndRejectsUnknownNames() {
    try (PoderoClient sandbox = PoderoClient.builder().clientCredentials("id", "secret")
        .orgId(ORG).environment("sandbox").build();
         PoderoClient production = PoderoClient.builder().clientCredentials("id", "secret")
             .orgId(ORG).build()) {
      assertEquals("https://sandbox-app.podero.com", sandbox.options().baseUrl().toString());
      assertEquals("https://app.podero.com", production.options().baseUrl().toString());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PoderoClient.builder().environment("staging"));
    assertTrue(e.getMessage().contains("staging"), e.getMessage());
  }

  @Test
  void decodesNullsUnknownFieldsAndNewRolesThroughTheFacade() {
    serveToken("tok");
    server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("""
        [{"id": "%s", "organization_id": "%s", "role": "installer", "email": "li@example.com",
          "first_name": null, "last_name": null, "external_user_id": null, "latitude": null,
          "num_inverters": 0, "num_heat_pumps": 0, "num_electric_vehicles": 0, "num_wallboxes": 0,
          "tariff": {"kind": "dynamic"}}]""".formatted(USER_ID, ORG))));

    List<UserOutput> users;
    try (PoderoClient client = builder().build()) {
      users = client.users().list().toList();
    }

    UserOutput user = users.get(0);
    assertEquals(Role.UNKNOWN_DEFAULT_OPEN_API, user.getRole());
    assertNull(user.getFirstName());
    assertNull(user.getExternalUserId());
    assertNull(user.getLatitude());
    assertEquals(new DirectoryUser("podero", USER_ID, "li@example.com", null, null,
        List.of(DirectoryUser.UNKNOWN_ROLE), null), PoderoClient.toDirectoryUser(user));
  }

  @Test
  void fromEnvReadsClientCredentialsOrgAndUrls() {
    server.stubFor(post(urlPathEqualTo("/env/token")).willReturn(okJson(
        "{\"access_token\": \"tok-env\", \"expires_in\": 3600}")));
    listOnce(PoderoClient.builder().fromEnv(Environment.of(Map.of(
        "PODERO_CLIENT_ID", "env-id", "PODERO_CLIENT_SECRET", "env-secret",
        "PODERO_ORG_ID", ORG, "PODERO_BASE_URL", server.baseUrl(),
        "PODERO_TOKEN_URL", "/env/token"))));

    server.verify(1, postRequestedFor(urlPathEqualTo("/env/token")));
    server.verify(1, getRequestedFor(urlPathEqualTo(USERS))
        .withHeader("Authorization", equalTo("Bearer tok-env")));
  }

  @Test
  void fromEnvReadsThePasswordGrant() {
    serveToken("tok-pw");
    listOnce(PoderoClient.builder().fromEnv(Environment.of(Map.of(
        "PODERO_USERNAME", "ops", "PODERO_PASSWORD", "pw", "PODERO_ORG_ID", ORG,
        "PODERO_BASE_URL", server.baseUrl()))));

    server.verify(1, postRequestedFor(urlPathEqualTo(TOKEN))
        .withRequestBody(containing("grant_type=password")));
  }

  @Test
  void fromEnvNamesEachMissingVariable() {
    assertMissing(Map.of("PODERO_CLIENT_ID", "id"), "PODERO_CLIENT_SECRET");
    assertMissing(Map.of("PODERO_CLIENT_SECRET", "secret"), "PODERO_CLIENT_ID");
    assertMissing(Map.of("PODERO_USERNAME", "ops"), "PODERO_PASSWORD");
    assertMissing(Map.of("PODERO_PASSWORD", "pw"), "PODERO_USERNAME");
    Map<String, String> none = new HashMap<>();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PoderoClient.builder().fromEnv(Environment.of(none)));
    for (String name : List.of("PODERO_CLIENT_ID", "PODERO_CLIENT_SECRET", "PODERO_USERNAME",
        "PODERO_PASSWORD")) {
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
  }

  private static void assertMissing(Map<String, String> variables, String named) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PoderoClient.builder().fromEnv(Environment.of(variables)));
    assertTrue(e.getMessage().contains(named), e.getMessage());
  }
}
