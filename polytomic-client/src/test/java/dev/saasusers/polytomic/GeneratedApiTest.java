package dev.saasusers.polytomic;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.auth.Credentials;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.http.VendorProfile;
import dev.saasusers.polytomic.api.PolytomicApi;
import dev.saasusers.polytomic.model.ApiResponse;
import dev.saasusers.polytomic.model.ListUsersEnvelope;
import dev.saasusers.polytomic.model.User;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generated Feign interface, over real HTTP, on the spec's own example and edge cases. */
class GeneratedApiTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(
      com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()).build();

  private static final UUID ORG = UUID.fromString("248df4b7-aa70-47b8-a036-33ac447e668d");

  /** The example response from Polytomic's documentation page (seed 001), verbatim. */
  private static final String SPEC_EXAMPLE = """
      {"data": [
        {"email": "jane.doe@acmecorp.com", "id": "a3f1c2d4-5b6e-7f89-0123-456789abcdef",
         "organization_id": "248df4b7-aa70-47b8-a036-33ac447e668d",
         "role_ids": ["d9f8e7c6-b5a4-3210-9fed-cba987654321"], "role": "admin"},
        {"email": "john.smith@acmecorp.com", "id": "b4e2d3c5-6f7a-8901-2345-6789abcdef01",
         "organization_id": "248df4b7-aa70-47b8-a036-33ac447e668d",
         "role_ids": ["e1f2d3c4-b5a6-7890-1234-56789abcdef0"], "role": "user"}]}""";

  private PolytomicApi api() {
    ClientOptions options = ClientOptions.builder().baseUrl(server.baseUrl())
        .authenticator(Credentials.bearer("partner-key")).maxRetries(0).build();
    return ClientRuntime.create(VendorProfile.of("polytomic", "Polytomic"), options)
        .api(PolytomicApi.class);
  }

  @Test
  void decodesTheSpecsExampleResponse() {
    server.stubFor(get("/api/organizations/" + ORG + "/users")
        .willReturn(okJson(SPEC_EXAMPLE).withHeader("X-Request-Id", "r-1")));

    ApiResponse<ListUsersEnvelope> response = api().listUsersWithHttpInfo(ORG, new PolytomicApi.ListUsersQueryParams());

    List<User> users = response.getData().getData();
    assertEquals(2, users.size());
    assertEquals("jane.doe@acmecorp.com", users.get(0).getEmail());
    assertEquals(UUID.fromString("a3f1c2d4-5b6e-7f89-0123-456789abcdef"), users.get(0).getId());
    assertEquals(ORG, users.get(0).getOrganizationId());
    assertEquals(List.of(UUID.fromString("d9f8e7c6-b5a4-3210-9fed-cba987654321")),
        users.get(0).getRoleIds());
    assertEquals("user", users.get(1).getRole());
    assertEquals(200, response.statusCode());
    assertEquals("r-1", response.header("x-request-id").orElseThrow());
    server.verify(getRequestedFor(urlEqualTo("/api/organizations/" + ORG + "/users"))
        .withHeader("Authorization", equalTo("Bearer partner-key")));
  }

  @Test
  void explicitNullsAndUnknownFieldsDecode() {
    server.stubFor(get(urlPathMatching("/api/organizations/.*/users")).willReturn(okJson("""
        {"data": [{"email": "zoë+ops@example.com", "id": "a3f1c2d4-5b6e-7f89-0123-456789abcdef",
                   "role_ids": null, "role": null, "organization_id": null,
                   "avatar_url": "https://example.com/a.png", "nested_new": {"x": [1, 2]}}],
         "next_page_token": "unknown-envelope-field"}""")));

    User user = api().listUsers(ORG, new PolytomicApi.ListUsersQueryParams()).getData().get(0);

    assertEquals("zoë+ops@example.com", user.getEmail());
    assertNull(user.getRoleIds());
    assertNull(user.getRole());
    assertNull(user.getOrganizationId());
  }

  @Test
  void nullDataDecodesAsNull() {
    server.stubFor(get(urlPathMatching("/api/organizations/.*/users"))
        .willReturn(okJson("{\"data\": null}")));

    assertNull(api().listUsers(ORG, new PolytomicApi.ListUsersQueryParams()).getData());
  }
}
