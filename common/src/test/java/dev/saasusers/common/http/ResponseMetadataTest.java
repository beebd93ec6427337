package dev.saasusers.common.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.saasusers.common.http.WireMockSupport.OK_BODY;
import static dev.saasusers.common.http.WireMockSupport.api;
import static dev.saasusers.common.http.WireMockSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Raw responses and errors expose the vendor's request id and rate-limit headers. */
class ResponseMetadataTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockSupport.server();

  @Test
  void rawResponseHasRequestIdAndRateLimit() {
    wm.stubFor(get("/items").willReturn(okJson(OK_BODY).withHeader("x-request-id", "req-123")
        .withHeader("X-RateLimit-Limit", "100").withHeader("X-RateLimit-Remaining", "99")
        .withHeader("X-RateLimit-Reset", "30")));
    RawResponse<TestApi.Item> raw = api(options(wm).build()).listItemsWithHttpInfo();
    assertEquals(Optional.of("req-123"), raw.requestId());
    assertEquals(Optional.of(new RateLimit(OptionalLong.of(100), OptionalLong.of(99),
        OptionalLong.of(30))), raw.rateLimit());
    assertEquals("alice", raw.data().name());
  }

  @Test
  void ietfRateLimitHeadersAndTheirAbsence() {
    wm.stubFor(get("/items").willReturn(okJson(OK_BODY).withHeader("RateLimit-Remaining", "7")));
    RawResponse<TestApi.Item> raw = api(options(wm).build()).listItemsWithHttpInfo();
    assertEquals(Optional.empty(), raw.requestId());
    assertEquals(Optional.of(new RateLimit(OptionalLong.empty(), OptionalLong.of(7),
        OptionalLong.empty())), raw.rateLimit());
  }

  @Test
  void errorCarriesTheRequestId() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(404).withHeader("Request-Id", "r-9")));
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> api(options(wm).build()).listItems());
    assertEquals(Optional.of("r-9"), e.requestId());
  }
}
