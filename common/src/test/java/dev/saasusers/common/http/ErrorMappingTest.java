package dev.saasusers.common.http;

import dev.saasusers.common.client.ClientRuntime;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.saasusers.common.http.WireMockSupport.api;
import static dev.saasusers.common.http.WireMockSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ErrorMappingTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockSupport.server();

  private static final Map<Integer, Class<? extends ApiException>> TYPES = Map.of(
      400, BadRequestException.class, 401, UnauthorizedException.class,
      403, PermissionDeniedException.class, 404, NotFoundException.class,
      409, ConflictException.class, 422, UnprocessableEntityException.class,
      429, RateLimitException.class, 500, ServerException.class, 503, ServerException.class,
      418, ApiException.class);

  @ParameterizedTest
  @CsvSource({"400", "401", "403", "404", "409", "422", "429", "500", "503", "418"})
  void statusMapsToItsException(int status) {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"it broke\"}")));
    ApiException e = assertThrows(ApiException.class,
        () -> api(options(wm).maxRetries(0).build()).listItems());
    assertEquals(TYPES.get(status), e.getClass());
    assertEquals(status, e.statusCode());
    assertEquals("it broke", e.vendorMessage().orElseThrow());
    assertTrue(e.getMessage().startsWith("Test listItems failed: HTTP " + status), e.getMessage());
    assertTrue(e.getMessage().endsWith(": it broke"), e.getMessage());
    assertEquals("GET", e.method());
    assertEquals("Test", e.vendor());
    assertEquals("listItems", e.operation());
  }

  @ParameterizedTest
  @CsvSource({"400,true", "401,true", "403,true", "404,true", "409,true", "422,true", "418,true",
      "408,false", "429,false", "500,false", "503,false"})
  void every4xxButTimeoutAndRateLimitIsPermanent(int status, boolean permanent) {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(status)));
    ApiException e = assertThrows(ApiException.class,
        () -> api(options(wm).maxRetries(0).build()).listItems());
    assertEquals(permanent, e.permanent(), "HTTP " + status);
  }

  @Test
  void aPermanentFailureTakesNoCheckpointATransientOneDoes() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(404)));
    NotFoundException notFound = assertThrows(NotFoundException.class,
        () -> api(options(wm).build()).listItems());
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(503)));
    ServerException unavailable = assertThrows(ServerException.class,
        () -> api(options(wm).maxRetries(0).build()).listItems());

    SdkException permanent = notFound.withCheckpoint("cp-1");
    SdkException transient_ = unavailable.withCheckpoint("cp-1");

    assertInstanceOf(NotFoundException.class, permanent);
    assertTrue(permanent.checkpoint().isEmpty());
    assertEquals(notFound.getMessage(), permanent.getMessage(), "no resume hint");
    assertEquals("cp-1", transient_.checkpoint().orElseThrow());
    assertEquals(unavailable.getMessage() + " (resume from checkpoint cp-1)", transient_.getMessage());
    assertEquals(unavailable.getMessage(), transient_.messageWithoutCheckpoint());
    assertTrue(new ApiIoException("io", null).withCheckpoint("cp-1").checkpoint().isPresent());
  }

  @Test
  void aCopyForAnotherThreadKeepsClassAndStateWithItsOwnStack() throws Exception {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(404).withBody("{\"message\":\"gone\"}")));
    NotFoundException shared = assertThrows(NotFoundException.class,
        () -> api(options(wm).build()).listItems());

    SdkException[] copy = new SdkException[1];
    Thread other = new Thread(() -> copy[0] = shared.forCurrentThread(), "other-thread");
    other.start();
    other.join();

    NotFoundException mine = assertInstanceOf(NotFoundException.class, copy[0]);
    assertFalse(mine == shared);
    assertEquals(shared.getMessage(), mine.getMessage());
    assertEquals(404, mine.statusCode());
    assertEquals(shared.attempts(), mine.attempts());
    assertFalse(List.of(mine.getStackTrace()).equals(List.of(shared.getStackTrace())),
        "the copy's stack is the thread that made it");
  }

  @Test
  void pandaDocStyleDetailIsTheMessageAndBodyParses() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"not_found\",\"detail\":\"No such workspace\"}")));
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> api(options(wm).build()).listItemsWithHttpInfo());
    assertEquals("Test listItems failed: HTTP 404 Not Found: No such workspace", e.getMessage());
    assertEquals("not_found", e.bodyAs(PandaDocError.class).orElseThrow().type());
    assertEquals("application/json", e.header("content-type").orElseThrow());
  }

  @Test
  void vendorSpecificMessageFieldsAreUsed() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(400)
        .withBody("{\"message\":\"generic\",\"reason\":\"specific\"}")));
    VendorProfile vendor = VendorProfile.of("test", "Test").errorMessageFields("reason");
    BadRequestException e = assertThrows(BadRequestException.class, () ->
        ClientRuntime.create(vendor, options(wm).build()).api(TestApi.class).listItems());
    assertEquals("specific", e.vendorMessage().orElseThrow());
  }

  @Test
  void nonJsonErrorBodyHasNoVendorMessageAndBodyIsBounded() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(400).withBody("x".repeat(20_000))));
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> api(options(wm).build()).listItems());
    assertFalse(e.vendorMessage().isPresent());
    assertEquals("Test listItems failed: HTTP 400 Bad Request", e.getMessage());
    assertEquals(ApiException.MAX_BODY_CHARS, e.body().length());
  }

  @Test
  void urlInExceptionHasNoSecretQueryValue() {
    wm.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/items"))
        .willReturn(aResponse().withStatus(403)));
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> api(options(wm).build()).listItemsWithToken("hunter2-secret"));
    assertFalse(e.url().contains("hunter2-secret"), e.url());
    assertFalse(e.getMessage().contains("hunter2-secret"));
    assertTrue(e.url().contains("token=" + Redaction.MASK), e.url());
  }

  @Test
  void undecodableBodyIsApiDecodeExceptionWithSnippet() {
    wm.stubFor(get("/items").willReturn(okJson("{\"id\":\"not a number\",\"name\":\"a\"}")));
    ApiDecodeException e = assertThrows(ApiDecodeException.class,
        () -> api(options(wm).build()).listItems());
    assertTrue(e.getMessage().startsWith("Test listItems failed: could not decode"), e.getMessage());
    assertTrue(e.snippet().contains("not a number"));
    wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/items")));
  }

  @Test
  void bodyOverMaxResponseBytesIsApiDecodeException() {
    wm.stubFor(get("/items").willReturn(okJson("{\"name\":\"" + "a".repeat(10_000_000) + "\"}")));
    ApiDecodeException e = assertThrows(ApiDecodeException.class,
        () -> api(options(wm).maxResponseBytes(1024 * 1024).build()).listItems());
    assertTrue(e.getMessage().contains("over maxResponseBytes"), e.getMessage());
  }

  @Test
  void rawResponseSubclassCarriesStatusHeadersAndBody() {
    wm.stubFor(get("/items").willReturn(okJson(WireMockSupport.OK_BODY)
        .withHeader("X-RateLimit-Limit", "100")));
    TestApi.TestResponse<TestApi.Item> raw = api(options(wm).build()).listItemsWithHttpInfo();
    assertInstanceOf(TestApi.TestResponse.class, raw);
    assertEquals(200, raw.statusCode());
    assertEquals("100", raw.header("x-ratelimit-limit").orElseThrow());
    assertEquals(new TestApi.Item(1, "alice"), raw.data());
  }

  @Test
  void listReturnTypeAndEmptyBodies() {
    wm.stubFor(get("/list").willReturn(okJson("[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]")));
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(204)));
    TestApi api = api(options(wm).build());
    assertEquals(List.of(new TestApi.Item(1, "a"), new TestApi.Item(2, "b")), api.listAll());
    assertNull(api.listItems());
    assertNull(api.listItemsWithHttpInfo().data());
  }

  record PandaDocError(String type, String detail) {
  }
}
