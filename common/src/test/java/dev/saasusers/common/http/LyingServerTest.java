package dev.saasusers.common.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.config.ClientOptions;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers a server gives during an outage or a bad deploy are failures, retried, never empty. */
class LyingServerTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockSupport.server();

  private static TestApi api() {
    return WireMockSupport.api(WireMockSupport.options(wm).build());
  }

  @ParameterizedTest(name = "body \"{0}\"")
  @ValueSource(strings = {"", "  \n"})
  void anEmptyBodyIsRetriedThenFailsNamingVendorOperationAndStatus(String body) {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body)));

    IncompleteResponseException e = assertThrows(IncompleteResponseException.class,
        () -> api().listItems());

    assertEquals("Test listItems failed: HTTP 200 response has an empty body (expected Item)",
        e.getMessage());
    assertEquals("body", e.missing());
    assertEquals(3, e.attempts());
    wm.verify(3, getRequestedFor(urlPathEqualTo("/items")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{}|data, has_more",
      "{\"data\":[]}|has_more",
      "{\"has_more\":false,\"object\":\"list\"}|data"})
  void aBodyWithoutTheFieldsTheSpecRequiresIsRetriedThenFails(String body, String missing) {
    wm.stubFor(get("/envelope").willReturn(okJson(body)));

    IncompleteResponseException e = assertThrows(IncompleteResponseException.class,
        () -> api().listEnvelope());

    assertEquals("Test listEnvelope failed: HTTP 200 response lacks required field(s) " + missing,
        e.getMessage());
    assertEquals(missing, e.missing());
    wm.verify(3, getRequestedFor(urlPathEqualTo("/envelope")));
  }

  @Test
  void aRetryAfterTheIncompleteAnswerGetsTheWholeOne() {
    wm.stubFor(get("/envelope").inScenario("deploy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{}")).willSetStateTo("up"));
    wm.stubFor(get("/envelope").inScenario("deploy").whenScenarioStateIs("up")
        .willReturn(okJson("{\"data\":[{\"id\":1,\"name\":\"a\"}],\"has_more\":false}")));

    TestApi.TestResponse<TestApi.Envelope> answer = api().listEnvelope();

    assertEquals(1, answer.data().getData().size());
    wm.verify(2, getRequestedFor(urlPathEqualTo("/envelope")));
  }

  @Test
  void aNoContentAnswerIsStillNoContent() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(204)));

    assertEquals(null, api().listItems());
    wm.verify(1, getRequestedFor(urlPathEqualTo("/items")));
  }

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({
      "'HTTP/1.1 200 OK\r\nContent-Ty', default", "'HTTP/1.1 200 OK\r\nContent-Ty', jdk",
      "'HTTP/1.1 200 OK\r\n', default", "'HTTP/1.1 200 OK\r\n', jdk",
      "'HTTP/1.1 200 O', default", "'HTTP/1.1 200 O', jdk",
      "'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Len', default",
      "'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Len', jdk"})
  void statusLineOrHeadersCutOffAreAnIoErrorRetriedNeverASuccess(String answer, String transport)
      throws Exception {
    try (CutOffServer server = CutOffServer.answering(answer)) {
      ClientOptions.Builder options = ClientOptions.builder().baseUrl(server.baseUrl())
          .timeSource(VirtualTime.create()).maxRetries(2);
      if (transport.equals("jdk")) {
        options.httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build());
      }
      TestApi api = ClientRuntime.create(WireMockSupport.VENDOR, options.build()).api(TestApi.class);

      ApiIoException e = assertThrows(ApiIoException.class, api::listItems);

      assertTrue(e.getMessage().startsWith("Test listItems failed: I/O error"), e.getMessage());
      assertEquals(3, e.attempts());
      assertEquals(3, server.connections());
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "Retry-After|99999999999999999999",
      "Retry-After|9223372036854775807",
      "Retry-After|Fri, 31 Dec 9999 23:59:59 GMT",
      "Retry-After-Ms|1e300"})
  void anAbsurdRetryAfterFailsAtOnceAndIsShownAsTheServerSentIt(String header, String value) {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(429).withHeader(header, value)));

    RateLimitException e = assertThrows(RateLimitException.class, () -> api().listItems());

    assertTrue(e.getMessage().endsWith("(asked to wait " + header + ": " + value + ")"),
        e.getMessage());
    assertFalse(e.getMessage().contains("4611686018427387903"), e.getMessage());
    assertEquals(RetryAfterHeader.LONGEST, e.retryAfter().orElseThrow());
    wm.verify(1, getRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void anOrdinaryRetryAfterIsStillShownAsAWait() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

    RateLimitException e = assertThrows(RateLimitException.class, () -> api().listItems());

    assertTrue(e.getMessage().endsWith("(retry after 120s)"), e.getMessage());
  }
}
