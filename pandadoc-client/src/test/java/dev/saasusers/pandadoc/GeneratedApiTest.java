package dev.saasusers.pandadoc;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.auth.Credentials;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.http.VendorProfile;
import dev.saasusers.pandadoc.api.PandaDocApi;
import dev.saasusers.pandadoc.model.ListUsersResponse;
import dev.saasusers.pandadoc.model.PandaDocUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generated Feign interface, over real HTTP, on the spec's own example and edge cases. */
class GeneratedApiTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(
      com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()).build();

  /** The "List Users" example from specs/pandadoc.json, verbatim. */
  private static final String SPEC_EXAMPLE = """
      {"total": 1, "results": [{"user_id": "ajnN7eGutJZsRKjQrNuPkh", "email": "josh@example.com",
        "first_name": "Josh", "last_name": "Doe", "phone_number": "+14842634627", "license": "Full",
        "is_organization_owner": true, "workspaces": [{"role": "Admin",
        "workspace_id": "fERpqZdFaF9dHVAeVxPFaV", "membership_id": "nPh2PDhFdDqAES9k64h9qX"}]}]}""";

  private PandaDocApi api() {
    ClientOptions options = ClientOptions.builder().baseUrl(server.baseUrl())
        .authenticator(Credentials.apiKey("Authorization", "API-Key ", "pd-key")).maxRetries(0)
        .build();
    return ClientRuntime.create(VendorProfile.of("pandadoc", "PandaDoc"), options)
        .api(PandaDocApi.class);
  }

  @Test
  void decodesTheSpecsExampleResponse() {
    server.stubFor(get(urlPathEqualTo("/public/v1/users"))
        .withQueryParam("count", equalTo("10")).withQueryParam("page", equalTo("1"))
        .withQueryParam("show_removed", equalTo("false"))
        .willReturn(okJson(SPEC_EXAMPLE)));

    ListUsersResponse response = api().listUsers(
        new PandaDocApi.ListUsersQueryParams().count(10).page(1).showRemoved(false));

    assertEquals(1, response.getTotal());
    PandaDocUser josh = response.getResults().get(0);
    assertEquals("ajnN7eGutJZsRKjQrNuPkh", josh.getUserId());
    assertEquals("+14842634627", josh.getPhoneNumber());
    assertEquals("Full", josh.getLicense());
    assertTrue(josh.getIsOrganizationOwner());
    assertEquals("Admin", josh.getWorkspaces().get(0).getRole());
    assertEquals("nPh2PDhFdDqAES9k64h9qX", josh.getWorkspaces().get(0).getMembershipId());
    server.verify(getRequestedFor(urlPathEqualTo("/public/v1/users"))
        .withHeader("Authorization", equalTo("API-Key pd-key")));
  }

  @Test
  void nullsMissingAndUnknownFieldsDecode() {
    server.stubFor(get(urlPathEqualTo("/public/v1/users")).willReturn(okJson("""
        {"total": 2, "next": "ignored", "results": [
          {"user_id": "u1", "email": "jose+sales@example.com", "first_name": "José",
           "last_name": null, "phone_number": null, "license": "Guest", "workspaces": null,
           "sso_only": true},
          {"user_id": "u2", "email": "x@example.com"}]}""")));

    ListUsersResponse response = api().listUsers(new PandaDocApi.ListUsersQueryParams());

    assertEquals(2, response.getResults().size());
    assertNull(response.getResults().get(0).getLastName());
    assertNull(response.getResults().get(0).getWorkspaces());
    assertNull(response.getResults().get(1).getLicense());
    server.verify(getRequestedFor(urlEqualTo("/public/v1/users")));
  }
}
