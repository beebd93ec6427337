package dev.saasusers.datagrid;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.auth.Credentials;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.http.VendorProfile;
import dev.saasusers.datagrid.api.DatagridApi;
import dev.saasusers.datagrid.model.ListOrganizationUsers;
import dev.saasusers.datagrid.model.OrganizationUser;
import dev.saasusers.datagrid.model.OrganizationUserPermissions.RoleEnum;
import dev.saasusers.datagrid.model.RateLimitError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generated Feign interface, over real HTTP, on realistic responses and edge cases. */
class GeneratedApiTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(
      com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()).build();

  /** The generated interface as a user reaches it: through the facade's {@code api()}. */
  private DatagridApi api() {
    return DatagridClient.builder().apiKey("dg-key").baseUrl(server.baseUrl()).maxRetries(0).build()
        .api();
  }

  @Test
  void decodesAPageWithQueryParameters() {
    server.stubFor(get(urlPathEqualTo("/organization/users"))
        .withQueryParam("search", equalTo("ann lee"))
        .withQueryParam("limit", equalTo("2"))
        .withQueryParam("after", equalTo("usr_1"))
        .willReturn(okJson("""
            {"object": "list", "has_more": true, "data": [
              {"id": "usr_2", "email": "ann+ops@example.com", "first_name": "Ann", "last_name": "Lee",
               "permissions": {"role": "admin"}},
              {"id": "usr_3", "email": "åsa@example.com", "first_name": "Åsa", "last_name": "Öberg",
               "permissions": {"role": "collaborator"}}]}""")));

    ListOrganizationUsers page = api().listUsers(
        new DatagridApi.ListUsersQueryParams().search("ann lee").limit(2).after("usr_1"));

    assertTrue(page.getHasMore());
    assertEquals(ListOrganizationUsers.ObjectEnum.LIST, page.getObject());
    OrganizationUser first = page.getData().get(0);
    assertEquals("usr_2", first.getId());
    assertEquals("ann+ops@example.com", first.getEmail());
    assertEquals(RoleEnum.ADMIN, first.getPermissions().getRole());
    assertEquals("Öberg", page.getData().get(1).getLastName());
    server.verify(getRequestedFor(urlPathEqualTo("/organization/users"))
        .withHeader("Authorization", equalTo("Bearer dg-key"))
        .withoutQueryParam("before"));
  }

  @Test
  void unknownEnumValueAndUnknownFieldsDoNotFail() {
    server.stubFor(get(urlPathEqualTo("/organization/users")).willReturn(okJson("""
        {"object": "list", "has_more": false, "cursor_hint": "new-field", "data": [
          {"id": "usr_9", "email": "li@example.com", "first_name": "李", "last_name": null,
           "permissions": {"role": "auditor", "scope": "all"}, "mfa": true}]}""")));

    OrganizationUser user = api().listUsers(new DatagridApi.ListUsersQueryParams()).getData().get(0);

    assertEquals(RoleEnum.UNKNOWN_DEFAULT_OPEN_API, user.getPermissions().getRole());
    assertNull(user.getLastName());
    assertEquals("李", user.getFirstName());
  }

  @Test
  void rateLimitErrorBodyHasBothStatusCodeFields() throws Exception {
    RateLimitError error = ClientRuntime.create(VendorProfile.of("datagrid", "Datagrid"),
            ClientOptions.builder().baseUrl(server.baseUrl())
                .authenticator(Credentials.bearer("k")).build())
        .mapper().readValue("""
            {"status_code": 429, "statusCode": 430, "error": "rate_limit_exceeded",
             "message": "Too many requests", "mitigation": "Wait 2s", "retryable": true,
             "details": {"reason": "sliding window"}}""", RateLimitError.class);

    // Both fields compile side by side thanks to nameMappings; status_code is the one to read.
    assertEquals(429, error.getStatusCode());
    assertEquals("Wait 2s", error.getMitigation());
    assertEquals("sliding window", error.getDetails().getReason());
  }
}
