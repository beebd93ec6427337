package dev.saasusers.common.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.http.IncompleteResponseException;
import dev.saasusers.common.http.VendorProfile;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SinglePageTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final VendorProfile POLYTOMIC = VendorProfile.of("polytomic", "Polytomic");
  private PagedIterable<String> users;

  @BeforeEach
  void setUp() {
    LoopbackApi api = new LoopbackApi(wm.baseUrl());
    users = PagedIterable.of("polytomic", "single",
        SinglePage.of(() -> api.get("/users"), body -> LoopbackApi.ids(body, "data")));
  }

  @ParameterizedTest(name = "{0} users")
  @ValueSource(ints = {0, 1, 50, 1000})
  void listsTheWholeListWithOneRequest(int count) {
    wm.stubFor(get(urlPathEqualTo("/users"))
        .willReturn(okJson("{\"data\":" + FakeUsers.usersJson(FakeUsers.ids(count)) + "}")));

    assertEquals(FakeUsers.ids(count), users.prefetch(2).toList());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void pageExposesStatusAndHeadersOfItsResponse() {
    wm.stubFor(get(urlPathEqualTo("/users")).willReturn(okJson("{\"data\":[{\"id\":\"u0001\"}]}")
        .withHeader("X-RateLimit-Remaining", "41")));

    Page<String> page = users.pages().iterator().next();

    assertEquals(200, page.rawResponse().statusCode());
    assertEquals("41", page.rawResponse().header("x-ratelimit-remaining").orElseThrow());
    assertEquals(0, page.index());
    assertEquals(List.of("u0001"), page.items());
  }

  @Test
  void nullListIsAnEmptyListWhereTheSpecAllowsNull() {
    wm.stubFor(get(urlPathEqualTo("/users")).willReturn(okJson("{\"data\":null}")));
    LoopbackApi api = new LoopbackApi(wm.baseUrl());
    PagedIterable<String> nullable = PagedIterable.of("polytomic", "single",
        SinglePage.of(() -> api.get("/users"), body -> LoopbackApi.ids(body, "data"))
            .itemsField(ItemsField.nullMeansEmpty(POLYTOMIC, "listUsers", "data")));

    assertEquals(List.of(), nullable.toList());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"data\":null}", "{}", "null"})
  void nullOrMissingListFailsWhereTheSpecDoesNotAllowIt(String body) {
    wm.stubFor(get(urlPathEqualTo("/users")).willReturn(okJson(body)));
    LoopbackApi api = new LoopbackApi(wm.baseUrl());
    PagedIterable<String> strict = PagedIterable.of("polytomic", "single",
        SinglePage.of(() -> api.get("/users"), b -> LoopbackApi.ids(b, "data"))
            .itemsField(ItemsField.notNull(POLYTOMIC, "listUsers", "data")));

    IncompleteResponseException e = assertThrows(IncompleteResponseException.class, strict::toList);
    assertTrue(e.getMessage().startsWith("Polytomic listUsers failed: HTTP 200 response has no"
        + " \"data\" list (null, which the API spec does not allow)"), e.getMessage());
    assertEquals(200, e.statusCode());
  }

  @Test
  void checkpointOfTheOnlyPageResumesToNothingWithoutARequest() {
    wm.stubFor(get(urlPathEqualTo("/users"))
        .willReturn(okJson("{\"data\":" + FakeUsers.usersJson(FakeUsers.ids(3)) + "}")));
    Page<String> page = users.pages().iterator().next();
    wm.resetRequests();

    assertEquals(List.of(), users.resumeFrom(page.checkpoint()).toList());
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void refusesACursorCheckpointBeforeAnyRequest() {
    String cursorCheckpoint = "polytomic.single.v1."
        + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("@u0001".getBytes());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> users.resumeFrom(cursorCheckpoint));
    assertEquals("checkpoint position @u0001 does not fit the 'single' paging of vendor "
        + "'polytomic'", e.getMessage());
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
