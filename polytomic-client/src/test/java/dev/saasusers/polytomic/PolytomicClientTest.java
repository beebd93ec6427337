package dev.saasusers.polytomic;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.polytomic.model.User;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PolytomicClient} over real HTTP, what only Polytomic does: its version header, a single
 * response with nullable {@code data}, its typed users. The shape every vendor shares is
 * reliability-tests' {@code VendorContractTest}, against the fake.
 */
class PolytomicClientTest {
  private static final String ORG = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
  private static final String USERS = "/api/organizations/" + ORG + "/users";
  private static final String USER_ID = "11111111-2222-4333-8444-555555555555";
  private static final String ROLE_ID = "99999999-8888-4777-8666-555555555555";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(options().dynamicPort()).build();

  private PolytomicClient.Builder builder() {
    return PolytomicClient.builder().apiKey("pt-secret").orgId(ORG).baseUrl(server.baseUrl())
        .maxRetries(0);
  }

  private static final String ONE_USER = """
      {"data": [{"id": "%s", "email": "ann@example.com", "organization_id": "%s",
        "role": "admin", "role_ids": ["%s"]}]}""".formatted(USER_ID, ORG, ROLE_ID);

  @Test
  void sendsTheBearerKeyAndTheSpecsVersionByDefault() {
    server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson(ONE_USER)));

    try (PolytomicClient client = builder().build()) {
      assertEquals(1, client.users().list().toList().size());
    }

    assertEquals("2025-09-18", PolytomicClient.API_VERSION);
    server.verify(1, getRequestedFor(urlPathEqualTo(USERS))
        .withHeader("Authorization", equalTo("Bearer pt-secret"))
        .withHeader("X-Polytomic-Version", equalTo("2025-09-18")));
  }

  @Test
  void theVersionHeaderCanBeOverridden() {
    server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson(ONE_USER)));

    try (PolytomicClient client = builder().apiVersion("2026-01-01").build()) {
      client.users().list().toList();
    }

    server.verify(1, getRequestedFor(urlPathEqualTo(USERS))
        .withHeader("X-Polytomic-Version", equalTo("2026-01-01")));
  }

  @Test
  void listsEveryUserInOneRequest() {
    server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("""
        {"data": [{"id": "%s", "email": "a@example.com"}, {"id": "%s", "email": "b@example.com"},
                  {"id": "%s", "email": "c@example.com"}]}"""
        .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()))));

    try (PolytomicClient client = builder().build()) {
      assertEquals(List.of("a@example.com", "b@example.com", "c@example.com"),
          client.users().list().stream().map(User::getEmail).toList());
      assertEquals(1, client.users().list().pageStream().count());
    }
  }

  @Test
  void nullDataIsAnEmptyList() {
    server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("{\"data\": null}")));

    try (PolytomicClient client = builder().build()) {
      assertEquals(List.of(), client.users().list().toList());
    }
  }

  @Test
  void decodesNullsAndUnknownFields() {
    server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("""
        {"data": [{"id": "%s", "email": null, "role": null, "role_ids": null,
                   "organization_id": "%s", "mfa": {"enabled": true}}], "next": "ignored"}"""
        .formatted(USER_ID, ORG))));

    List<User> users;
    try (PolytomicClient client = builder().build()) {
      users = client.users().list().toList();
    }

    User user = users.get(0);
    assertEquals(UUID.fromString(USER_ID), user.getId());
    assertNull(user.getEmail());
    assertNull(user.getRoleIds());
    DirectoryUser mapped = PolytomicClient.toDirectoryUser(user);
    assertEquals(List.of(), mapped.roles());
    assertNull(mapped.email());
  }

}
