package dev.saasusers.common.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.saasusers.common.http.WireMockSupport.api;
import static dev.saasusers.common.http.WireMockSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each attempt has a deadline, connect to last byte: a server that drips its answer resets the
 * read timeout on every byte, and only the deadline ends the attempt.
 */
class DeadlineTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockSupport.server();

  /** 95 bytes at about 2 bytes a second: a read never waits long, the whole takes ~47 s. */
  private static void serveDripFeed() {
    String body = "{\"id\":1,\"name\":\"" + "a".repeat(95 - 17) + "\"}";
    wm.stubFor(get("/items").willReturn(okJson(body).withChunkedDribbleDelay(48, 47_000)));
  }

  @Test
  @Timeout(30)
  void dripFeedFailsAtTheDeadlineNamingIt() {
    serveDripFeed();
    ApiIoException e = assertThrows(ApiIoException.class, () -> api(options(wm)
        .timeout(Duration.ofMillis(300)).maxRetries(0).build()).listItems());
    assertTrue(e.getMessage().contains("timeout of 300 ms"), e.getMessage());
    assertEquals(1, e.attempts());
    wm.verify(1, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  @Timeout(30)
  void timedOutGetIsRetriedLikeAReadTimeout() {
    serveDripFeed();
    ApiIoException e = assertThrows(ApiIoException.class, () -> api(options(wm)
        .timeout(Duration.ofMillis(200)).maxRetries(1).build()).listItems());
    assertTrue(e.getMessage().contains("timeout of 200 ms"), e.getMessage());
    assertEquals(2, e.attempts());
    wm.verify(2, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  @Timeout(30)
  void silentServerFailsAtTheDeadlineEvenWithALongReadTimeout() {
    wm.stubFor(get("/items").willReturn(okJson(WireMockSupport.OK_BODY).withFixedDelay(20_000)));
    ApiIoException e = assertThrows(ApiIoException.class, () -> api(options(wm)
        .readTimeout(Duration.ofSeconds(60)).timeout(Duration.ofMillis(300)).maxRetries(0)
        .build()).listItems());
    assertTrue(e.getMessage().contains("timeout of 300 ms"), e.getMessage());
  }

  @Test
  void answerWithinTheDeadlineIsUnaffected() {
    wm.stubFor(get("/items").willReturn(okJson(WireMockSupport.OK_BODY)));
    assertEquals("alice", api(options(wm).timeout(Duration.ofSeconds(5)).build()).listItems().name());
  }
}
