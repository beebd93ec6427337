package dev.saasusers.datagrid;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.paging.Page;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.datagrid.model.OrganizationUser;
import dev.saasusers.datagrid.model.OrganizationUserPermissions.RoleEnum;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DatagridClient} over real HTTP, what only Datagrid does: cursor paging, search, its
 * checks and the vendor's new roles. The shape every vendor shares is reliability-tests'
 * {@code VendorContractTest}, against the fake.
 */
class DatagridClientTest {
  private static final String USERS = "/organization/users";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(options().dynamicPort()).build();

  private DatagridClient client() {
    return DatagridClient.builder().apiKey("dg-secret").baseUrl(server.baseUrl()).maxRetries(0)
        .build();
  }

  private static String user(String id, String role) {
    return """
        {"id": "%s", "email": "%s@example.com", "first_name": "F%s", "last_name": "L%s",
         "permissions": {"role": "%s"}}""".formatted(id, id, id, id, role);
  }

  private static String page(boolean hasMore, String... users) {
    return "{\"object\": \"list\", \"has_more\": " + hasMore + ", \"data\": ["
        + String.join(",", users) + "]}";
  }

  @Test
  void followsTheCursorAcrossPagesUntilHasMoreIsFalse() {
    server.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("limit", equalTo("2"))
        .withQueryParam("after", absent())
        .willReturn(okJson(page(true, user("u1", "owner"), user("u2", "admin")))));
    server.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("after", equalTo("u2"))
        .willReturn(okJson(page(true, user("u3", "member"), user("u4", "member")))));
    server.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("after", equalTo("u4"))
        .willReturn(okJson(page(false, user("u5", "contributor")))));

    List<String> ids = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    try (DatagridClient client = client()) {
      for (Page<OrganizationUser> page :
          client.users().list(DatagridListUsersParams.defaults().withPageSize(2)).pages()) {
        pageSizes.add(page.items().size());
        page.items().forEach(u -> ids.add(u.getId()));
        assertEquals(200, page.rawResponse().statusCode());
      }
    }

    assertEquals(List.of("u1", "u2", "u3", "u4", "u5"), ids);
    assertEquals(List.of(2, 2, 1), pageSizes);
    server.verify(3, getRequestedFor(urlPathEqualTo(USERS)).withQueryParam("limit", equalTo("2")));
    server.verify(0, getRequestedFor(urlPathEqualTo(USERS)).withQueryParam("before", matching(".*")));
  }

  @Test
  void passesSearchThrough() {
    server.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("search", equalTo("ann lee"))
        .willReturn(okJson(page(false, user("ann", "member")))));

    try (DatagridClient client = client()) {
      List<OrganizationUser> users =
          client.users().list(DatagridListUsersParams.defaults().withSearch("ann lee")).toList();
      assertEquals("ann", users.get(0).getId());
    }
    server.verify(1, getRequestedFor(urlPathEqualTo(USERS)).withQueryParam("search", equalTo("ann lee"))
        .withQueryParam("limit", absent()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t"})
  void rejectsABlankSearchBeforeAnyRequest(String search) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatagridListUsersParams.defaults().withSearch(search));

    assertTrue(e.getMessage().contains("search must not be blank"), e.getMessage());
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void decodesNullsUnknownFieldsAndNewRolesThroughTheFacade() {
    server.stubFor(get(urlPathEqualTo(USERS)).willReturn(okJson("""
        {"object": "list", "has_more": false, "next_cursor": "new-field", "data": [
          {"id": "u1", "email": "li@example.com", "first_name": null, "last_name": null,
           "permissions": {"role": "auditor", "scope": "all"}, "mfa_enabled": true},
          {"id": "u2", "email": null, "first_name": "Bo", "last_name": "Ek", "permissions": null}]}""")));

    List<OrganizationUser> users;
    try (DatagridClient client = client()) {
      users = client.users().list().toList();
    }

    assertEquals(2, users.size());
    assertEquals(RoleEnum.UNKNOWN_DEFAULT_OPEN_API, users.get(0).getPermissions().getRole());
    assertNull(users.get(0).getFirstName());
    assertNull(users.get(1).getEmail());
    assertNull(users.get(1).getPermissions());
    assertEquals(List.of(DirectoryUser.UNKNOWN_ROLE), DatagridClient.toDirectoryUser(users.get(0)).roles());
    DirectoryUser noPermissions = DatagridClient.toDirectoryUser(users.get(1));
    assertEquals(List.of(), noPermissions.roles());
    assertNull(noPermissions.email());
  }

}
