package dev.saasusers.common.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.saasusers.common.http.WireMockSupport.OK_BODY;
import static dev.saasusers.common.http.WireMockSupport.api;
import static dev.saasusers.common.http.WireMockSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A retry never repeats a write that may have been processed: POST and PATCH are retried only
 * where the server provably did not process them, unless the caller opts in.
 */
class IdempotencyTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockSupport.server();

  private static final TestApi.Item NEW_ITEM = new TestApi.Item(1, "alice");

  /** Answers {@code first}, then success. */
  private static void failOnceThenOk(Supplier<MappingBuilder> request,
      ResponseDefinitionBuilder first) {
    wm.stubFor(request.get().inScenario("once").whenScenarioStateIs(STARTED)
        .willReturn(first).willSetStateTo("ok"));
    wm.stubFor(request.get().inScenario("once").whenScenarioStateIs("ok")
        .willReturn(okJson(OK_BODY)));
  }

  @Test
  void postAnswered503IsSentOnce() {
    failOnceThenOk(() -> post("/items"), aResponse().withStatus(503));
    assertThrows(ServerException.class, () -> api(options(wm).build()).createItem(NEW_ITEM));
    wm.verify(1, postRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void getAnswered503IsRetriedAsBefore() {
    failOnceThenOk(() -> get("/items"), aResponse().withStatus(503));
    assertEquals("alice", api(options(wm).build()).listItems().name());
    wm.verify(2, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void putAnswered500IsRetriedSinceItIsIdempotent() {
    failOnceThenOk(() -> put("/items/1"), aResponse().withStatus(500));
    assertEquals("alice", api(options(wm).build()).replaceItem(NEW_ITEM).name());
    wm.verify(2, putRequestedFor(urlEqualTo("/items/1")));
  }

  @Test
  void patchIsSentByTheDefaultTransport() {
    // HttpURLConnection refuses PATCH; the default transport sends it with the JDK client.
    wm.stubFor(patch(urlEqualTo("/items/1")).willReturn(okJson(OK_BODY)));
    assertEquals("alice", api(options(wm).build()).updateItem(NEW_ITEM).name());
    wm.verify(1, patchRequestedFor(urlEqualTo("/items/1")));
  }

  @Test
  void patchWhoseConnectionWasResetIsNotSentAgain() {
    failOnceThenOk(() -> patch(urlEqualTo("/items/1")), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    ApiIoException e = assertThrows(ApiIoException.class,
        () -> api(options(wm).build()).updateItem(NEW_ITEM));
    assertFalse(e.requestNotSent());
    assertEquals(1, e.attempts());
    wm.verify(1, patchRequestedFor(urlEqualTo("/items/1")));
  }

  @Test
  void postAnswered429IsRetriedSinceTheServerDidNotProcessIt() {
    failOnceThenOk(() -> post("/items"), aResponse().withStatus(429).withHeader("Retry-After", "1"));
    assertEquals("alice", api(options(wm).build()).createItem(NEW_ITEM).name());
    wm.verify(2, postRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void postAnswered503WithRetryAfterIsRetried() {
    failOnceThenOk(() -> post("/items"), aResponse().withStatus(503).withHeader("Retry-After", "1"));
    assertEquals("alice", api(options(wm).build()).createItem(NEW_ITEM).name());
    wm.verify(2, postRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void postRetriesOnAnyRetriedFailureWhenTheCallerOptsIn() {
    failOnceThenOk(() -> post("/items"), aResponse().withStatus(503));
    TestApi optedIn = api(options(wm).retryNonIdempotent(true).build());
    assertEquals("alice", optedIn.createItem(NEW_ITEM).name());
    wm.verify(2, postRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void postToARefusedConnectionIsRetriedSinceNothingWasSent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AtomicInteger attempts = new AtomicInteger();
    TestApi refused = api(options(wm)
        .baseUrl("http://127.0.0.1:" + closedPort).maxRetries(2)
        .addListener(new ClientListener() {
          @Override
          public void onRequestSent(RequestSent event) {
            attempts.incrementAndGet();
          }
        }).build());
    ApiIoException e = assertThrows(ApiIoException.class, () -> refused.createItem(NEW_ITEM));
    assertTrue(e.requestNotSent(), e.getMessage());
    assertEquals(3, attempts.get(), "the first attempt and both retries");
    assertEquals(3, e.attempts());
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
