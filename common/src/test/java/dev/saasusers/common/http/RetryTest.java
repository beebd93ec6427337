package dev.saasusers.common.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.saasusers.common.http.WireMockSupport.OK_BODY;
import static dev.saasusers.common.http.WireMockSupport.api;
import static dev.saasusers.common.http.WireMockSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.FeignException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockSupport.server();

  /** First answer {@code first}, then a good body. */
  private void failOnceThenOk(ResponseDefinitionBuilder first) {
    wm.stubFor(get("/items").inScenario("retry").whenScenarioStateIs(STARTED)
        .willReturn(first).willSetStateTo("ok"));
    wm.stubFor(get("/items").inScenario("retry").whenScenarioStateIs("ok")
        .willReturn(okJson(OK_BODY)));
  }

  @Test
  void retryAfterSecondsIsWaitedInFull() {
    failOnceThenOk(aResponse().withStatus(429).withHeader("Retry-After", "2"));
    VirtualTime time = VirtualTime.create();
    TestApi.Item item = api(options(wm, time).build()).listItems();
    assertEquals("alice", item.name());
    assertEquals(List.of(Duration.ofSeconds(2)), time.waits(), "the Retry-After, in full");
    wm.verify(2, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void retryAfterHttpDateIsWaited() {
    String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
    failOnceThenOk(aResponse().withStatus(503).withHeader("Retry-After", at));
    List<ClientListener.RetryScheduled> retries = new CopyOnWriteArrayList<>();
    VirtualTime time = VirtualTime.create();
    api(options(wm, time).addListener(new ClientListener() {
      @Override
      public void onRetryScheduled(RetryScheduled event) {
        retries.add(event);
      }
    }).build()).listItems();
    // The date has one-second precision: the wait is between 1.5 and 3 s.
    assertEquals(1, time.waits().size());
    Duration waited = time.waits().get(0);
    assertTrue(waited.toMillis() >= 1500 && waited.toMillis() <= 3000, "waited " + waited);
    assertEquals(1, retries.size());
    assertTrue(retries.get(0).fromRetryAfter());
    assertEquals(2, retries.get(0).nextAttempt());
  }

  @Test
  void retryAfterOverTheCapFailsAtOnceWithTheWait() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"slow down\"}")));
    VirtualTime time = VirtualTime.create();
    RateLimitException e = assertThrows(RateLimitException.class,
        () -> api(options(wm, time).maxRetryAfter(Duration.ofSeconds(60)).build()).listItems());
    assertEquals(List.of(), time.waits(), "no wait at all for a Retry-After over the cap");
    assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow());
    assertEquals("Test listItems failed: HTTP 429 Too Many Requests: slow down (retry after 120s)",
        e.getMessage());
    wm.verify(1, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void connectionResetIsRetried() {
    failOnceThenOk(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    assertEquals(1, api(options(wm).build()).listItems().id());
    wm.verify(2, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void emptyReplyIsRetried() {
    failOnceThenOk(aResponse().withFault(Fault.EMPTY_RESPONSE));
    assertEquals(1, api(options(wm).build()).listItems().id());
    wm.verify(2, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void truncatedJsonBodyIsRetried() {
    failOnceThenOk(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":1,\"name\":\"al"));
    assertEquals("alice", api(options(wm).build()).listItems().name());
    wm.verify(2, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void malformedChunkIsRetried() {
    failOnceThenOk(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    assertEquals("alice", api(options(wm).build()).listItems().name());
    wm.verify(2, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void maxRetriesZeroDisablesRetrying() {
    failOnceThenOk(aResponse().withStatus(503));
    assertThrows(ServerException.class, () -> api(options(wm).maxRetries(0).build()).listItems());
    wm.verify(1, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void exhaustedRetriesThrowTheLastFailuresTypedException() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(502)));
    ServerException e = assertThrows(ServerException.class,
        () -> api(options(wm).maxRetries(2).build()).listItems());
    assertEquals(502, e.statusCode());
    assertFalse(e.getCause() instanceof FeignException);
    wm.verify(3, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void exhaustedIoRetriesThrowApiIoException() {
    wm.stubFor(get("/items").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    List<ClientListener.RequestSent> attempts = new CopyOnWriteArrayList<>();
    ApiIoException e = assertThrows(ApiIoException.class,
        () -> api(options(wm).maxRetries(1).addListener(new ClientListener() {
          @Override
          public void onRequestSent(RequestSent event) {
            attempts.add(event);
          }
        }).build()).listItems());
    assertTrue(e.getMessage().startsWith("Test listItems failed: I/O error"), e.getMessage());
    // Count our attempts, not server hits: the JDK client may itself resend a GET once when a
    // pooled connection turns out dead.
    assertEquals(List.of(1, 2), attempts.stream().map(ClientListener.RequestSent::attempt).toList());
  }

  @Test
  void notRetriedStatusFailsAtOnce() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(400)));
    assertThrows(BadRequestException.class, () -> api(options(wm).build()).listItems());
    wm.verify(1, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void interruptDuringRetryWaitStopsAndKeepsTheFlag() throws Exception {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    CountDownLatch waiting = new CountDownLatch(1);
    TimeSource blocksUntilInterrupted = new TimeSource() {
      @Override
      public long nanoTime() {
        return 0;
      }

      @Override
      public java.time.Clock clock() {
        return java.time.Clock.systemUTC();
      }

      @Override
      public void sleep(Duration delay) throws InterruptedException {
        waiting.countDown();
        new CountDownLatch(1).await(); // a wait that only an interrupt ends
      }

      @Override
      public void schedule(Duration delay, java.util.concurrent.Executor executor, Runnable task) {
        throw new UnsupportedOperationException("synchronous test");
      }
    };
    TestApi api = api(options(wm).timeSource(blocksUntilInterrupted).build());
    Throwable[] thrown = new Throwable[1];
    boolean[] flag = new boolean[1];
    Thread caller = new Thread(() -> {
      try {
        api.listItems();
      } catch (Throwable t) {
        thrown[0] = t;
        flag[0] = Thread.currentThread().isInterrupted();
      }
    });
    caller.start();
    assertTrue(waiting.await(10, TimeUnit.SECONDS), "the call never began its retry wait");
    caller.interrupt();
    caller.join(5000);
    assertFalse(caller.isAlive(), "the 30 s Retry-After wait was not interrupted");
    assertTrue(thrown[0] instanceof SdkException, String.valueOf(thrown[0]));
    assertTrue(thrown[0].getMessage().contains("interrupted while waiting to retry"),
        thrown[0].getMessage());
    assertTrue(flag[0], "interrupt flag was not restored");
    wm.verify(1, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void unauthorizedRefreshesOnceEvenWithRetriesOff() {
    wm.stubFor(get("/items").withHeader("Authorization",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer tok-1"))
        .willReturn(aResponse().withStatus(401)));
    wm.stubFor(get("/items").withHeader("Authorization",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer tok-2"))
        .willReturn(okJson(OK_BODY)));
    WireMockSupport.RotatingTokens auth = new WireMockSupport.RotatingTokens(true);
    TestApi.Item item = api(options(wm).authenticator(auth).maxRetries(0).build()).listItems();
    assertEquals("alice", item.name());
    assertEquals(List.of("Bearer tok-1"), auth.invalidated);
    wm.verify(2, getRequestedFor(urlEqualTo("/items")));
    // Feign re-applies interceptors to the same template: still exactly one Authorization value.
    wm.getAllServeEvents().forEach(e ->
        assertEquals(1, e.getRequest().getHeaders().getHeader("Authorization").values().size()));
  }

  @Test
  void unauthorizedAgainAfterRefreshDoesNotLoop() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"invalid_token\"}")));
    WireMockSupport.RotatingTokens auth = new WireMockSupport.RotatingTokens(true);
    UnauthorizedException e = assertThrows(UnauthorizedException.class,
        () -> api(options(wm).authenticator(auth).build()).listItems());
    assertEquals(1, auth.invalidated.size());
    assertEquals("invalid_token", e.vendorMessage().orElseThrow());
    wm.verify(2, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void unauthorizedIsNotRetriedWhenNothingWasInvalidated() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(401)));
    WireMockSupport.RotatingTokens auth = new WireMockSupport.RotatingTokens(false);
    assertThrows(UnauthorizedException.class,
        () -> api(options(wm).authenticator(auth).build()).listItems());
    wm.verify(1, getRequestedFor(urlEqualTo("/items")));
  }
}
