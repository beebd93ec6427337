package dev.saasusers.podero;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.auth.Credentials;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.http.VendorProfile;
import dev.saasusers.podero.api.PoderoApi;
import dev.saasusers.podero.model.Role;
import dev.saasusers.podero.model.UserOutput;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generated Feign interface, over real HTTP: a bare JSON array, anyOf-null fields, enums. */
class GeneratedApiTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(
      com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()).build();

  private static final UUID ORG = UUID.fromString("9f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f");

  private PoderoApi api() {
    ClientOptions options = ClientOptions.builder().baseUrl(server.baseUrl())
        .authenticator(Credentials.bearer("token-1")).maxRetries(0).build();
    return ClientRuntime.create(VendorProfile.of("podero", "Podero"), options).api(PoderoApi.class);
  }

  @Test
  void decodesUsersWithNullableFieldsAndAnUnknownRole() {
    server.stubFor(get(urlPathEqualTo("/api/partners/v2.0/org/" + ORG + "/users"))
        .withQueryParam("include_deleted", equalTo("true"))
        .willReturn(okJson("""
            [{"id": "11111111-2222-4333-8444-555555555555", "organization_id": "%1$s",
              "external_user_id": null, "role": "admin", "email": "łukasz+home@example.com",
              "first_name": "Łukasz", "last_name": null, "is_onboarded": true,
              "street_and_number": null, "street_add_info": null, "zip_code": "1010",
              "town": "Wien", "country": "AT", "latitude": 48.2082, "longitude": null,
              "last_login": "2026-10-01T08:30:00Z", "num_inverters": 1, "num_heat_pumps": 0,
              "num_electric_vehicles": 2, "num_wallboxes": 1, "joined_at": null},
             {"id": "66666666-2222-4333-8444-555555555555", "organization_id": "%1$s",
              "role": "installer", "email": "nguyen@example.com", "num_inverters": 0,
              "num_heat_pumps": 1, "num_electric_vehicles": 0, "num_wallboxes": 0,
              "tariff": {"kind": "dynamic"}}]""".formatted(ORG))));

    List<UserOutput> users = api().listUsers(ORG, new PoderoApi.ListUsersQueryParams().includeDeleted(true));

    UserOutput first = users.get(0);
    assertEquals(Role.ADMIN, first.getRole());
    assertNull(first.getExternalUserId());
    assertNull(first.getLastName());
    assertNull(first.getLongitude());
    assertEquals(new BigDecimal("48.2082"), first.getLatitude());
    assertEquals(OffsetDateTime.parse("2026-10-01T08:30:00Z"), first.getLastLogin());
    assertEquals(2, first.getNumElectricVehicles());
    assertEquals(Role.UNKNOWN_DEFAULT_OPEN_API, users.get(1).getRole());
    server.verify(getRequestedFor(urlPathEqualTo("/api/partners/v2.0/org/" + ORG + "/users"))
        .withHeader("Authorization", equalTo("Bearer token-1")));
  }
}
