package dev.saasusers.common.async;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.saasusers.common.async.PeopleStubs.pageBody;
import static dev.saasusers.common.async.PeopleStubs.pageRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.auth.OAuth2Credentials;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.VirtualTime;
import dev.saasusers.common.paging.AsyncPager;
import dev.saasusers.common.paging.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The listener sees every step, in order, with its figures, on both listing paths. */
class ClientEventsTest {
  private static final String PAGE_1 = "GET /people?page=1&per_page=2";
  private static final String PAGE_2 = "GET /people?page=2&per_page=2";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Writes each event as one line, keeping when it happened on the client's virtual clock. */
  static final class Recorder implements ClientListener {
    final VirtualTime time = VirtualTime.create();
    final List<String> events = new ArrayList<>();
    final List<Long> at = new ArrayList<>();
    final List<Object> raw = new ArrayList<>();

    private synchronized void add(Object event, String line) {
      notifyAll();
      events.add(line);
      at.add(time.nanoTime());
      raw.add(event);
    }

    @Override
    public void onRequestSent(RequestSent e) {
      add(e, "sent " + e.vendor() + " " + e.method() + " " + e.path() + " #" + e.attempt());
    }

    @Override
    public void onResponseReceived(ResponseReceived e) {
      assertFalse(e.duration().isNegative());
      add(e, "received " + e.status() + " " + e.method() + " " + e.path() + " #" + e.attempt());
    }

    @Override
    public void onRetryScheduled(RetryScheduled e) {
      add(e, "retry " + e.cause() + " in " + e.delay() + (e.fromRetryAfter() ? " (Retry-After)" : "")
          + " " + e.method() + " " + e.path() + " #" + e.nextAttempt());
    }

    @Override
    public void onTokenFetched(TokenFetched e) {
      add(e, "token " + e.vendor() + " " + e.grant() + " " + e.expiresIn()
          + (e.refresh() ? " refresh" : " new"));
    }

    @Override
    public void onPageDelivered(PageDelivered e) {
      add(e, "page " + e.vendor() + " " + e.pageIndex() + " items=" + e.items() + " " + e.checkpoint());
    }
  }

  private static void servePageTwoAfterA429() {
    PeopleStubs.servePeople(wm, 3);
    wm.stubFor(pageRequest(2).inScenario("p2").whenScenarioStateIs(STARTED)
        .willReturn(PeopleStubs.tooManyRequests(1)).willSetStateTo("ok"));
    wm.stubFor(pageRequest(2).inScenario("p2").whenScenarioStateIs("ok")
        .willReturn(pageBody(2, 3)));
  }

  private static List<String> expected(String checkpoint0, String checkpoint1) {
    return List.of(
        "sent people " + PAGE_1 + " #1",
        "received 200 " + PAGE_1 + " #1",
        "page people 0 items=2 " + checkpoint0,
        "sent people " + PAGE_2 + " #1",
        "received 429 " + PAGE_2 + " #1",
        "retry HTTP 429 in PT1S (Retry-After) " + PAGE_2 + " #2",
        "sent people " + PAGE_2 + " #2",
        "received 200 " + PAGE_2 + " #2",
        "page people 1 items=1 " + checkpoint1);
  }

  private static void assertWaitedAfterRetry(Recorder recorder) {
    int retry = recorder.events.indexOf(recorder.events.stream()
        .filter(e -> e.startsWith("retry")).findFirst().orElseThrow());
    long waited = recorder.at.get(retry + 1) - recorder.at.get(retry);
    assertTrue(waited >= Duration.ofMillis(950).toNanos(),
        "next attempt only after the Retry-After, waited " + waited / 1_000_000 + " ms");
    assertEquals(List.of(Duration.ofSeconds(1)), recorder.time.waits());
  }

  @Test
  void asyncPagesReportRequestsRetriesAndPagesInOrder() throws Exception {
    servePageTwoAfterA429();
    Recorder recorder = new Recorder();
    try (PeopleClient client =
        PeopleClient.create(PeopleStubs.options(wm, recorder.time).addListener(recorder).build())) {
      AsyncPager<PeopleApi.Person> pager = client.people().prefetch(0).async(); // one page at a time
      List<String> checkpoints = new ArrayList<>();
      Optional<Page<PeopleApi.Person>> page;
      while ((page = pager.nextPage().get(10, TimeUnit.SECONDS)).isPresent()) {
        checkpoints.add(page.get().checkpoint());
      }
      assertEquals(expected(checkpoints.get(0), checkpoints.get(1)), recorder.events);
      assertWaitedAfterRetry(recorder);
    }
  }

  @Test
  void syncItemsReportTheSameEventsWithPagesAfterTheirLastItem() {
    servePageTwoAfterA429();
    Recorder recorder = new Recorder();
    try (PeopleClient client =
        PeopleClient.create(PeopleStubs.options(wm, recorder.time).addListener(recorder).build())) {
      List<String> checkpoints = new ArrayList<>();
      client.people().prefetch(0).pages().forEach(p -> checkpoints.add(p.checkpoint()));
      assertEquals(expected(checkpoints.get(0), checkpoints.get(1)), recorder.events);

      Recorder items = new Recorder();
      try (PeopleClient again = PeopleClient.create(
          PeopleStubs.options(wm, items.time).addListener(items).build())) {
        List<String> ids = new ArrayList<>();
        again.people().prefetch(0).forEach(p -> ids.add(p.id()));
        assertEquals(List.of("p1", "p2", "p3"), ids);
        // the 429 was used up above; the same pages, checkpoints and order without the retry
        assertEquals(List.of(
            "sent people " + PAGE_1 + " #1",
            "received 200 " + PAGE_1 + " #1",
            "page people 0 items=2 " + checkpoints.get(0),
            "sent people " + PAGE_2 + " #1",
            "received 200 " + PAGE_2 + " #1",
            "page people 1 items=1 " + checkpoints.get(1)), items.events);
      }
    }
  }

  @Test
  void asyncForEachReportsEachPageAfterItsItems() throws Exception {
    servePageTwoAfterA429();
    Recorder recorder = new Recorder();
    try (PeopleClient client =
        PeopleClient.create(PeopleStubs.options(wm, recorder.time).addListener(recorder).build())) {
      List<String> order = new ArrayList<>();
      client.people().prefetch(0).async().forEach(p -> {
        synchronized (recorder) {
          recorder.events.add("item " + p.id());
          recorder.at.add(recorder.time.nanoTime());
        }
      }).get(10, TimeUnit.SECONDS);
      synchronized (recorder) {
        order.addAll(recorder.events);
      }
      List<String> checkpoints = new ArrayList<>(); // the sync listing's, to compare with
      client.people().prefetch(0).pages().forEach(p -> checkpoints.add(p.checkpoint()));
      assertEquals(List.of(
          "sent people " + PAGE_1 + " #1",
          "received 200 " + PAGE_1 + " #1",
          "item p1",
          "item p2",
          "page people 0 items=2 " + checkpoints.get(0),
          "sent people " + PAGE_2 + " #1",
          "received 429 " + PAGE_2 + " #1",
          "retry HTTP 429 in PT1S (Retry-After) " + PAGE_2 + " #2",
          "sent people " + PAGE_2 + " #2",
          "received 200 " + PAGE_2 + " #2",
          "item p3",
          "page people 1 items=1 " + checkpoints.get(1)), order);
    }
  }

  @Test
  void asyncPrefetchRequestsTheNextPageWhileThePreviousIsConsumed() throws Exception {
    PeopleStubs.servePeople(wm, 3);
    Recorder recorder = new Recorder();
    try (PeopleClient client =
        PeopleClient.create(PeopleStubs.options(wm, recorder.time).addListener(recorder).build())) {
      List<String> ids = new ArrayList<>();
      client.people().async().forEach(p -> {
        if (p.id().equals("p1")) {
          awaitQuietly(recorder, "sent people " + PAGE_2 + " #1");
        }
        ids.add(p.id());
      }).get(10, TimeUnit.SECONDS);
      assertEquals(List.of("p1", "p2", "p3"), ids);
      List<String> events;
      synchronized (recorder) {
        events = new ArrayList<>(recorder.events);
      }
      assertTrue(events.indexOf("sent people " + PAGE_2 + " #1")
          < events.indexOf("page people 0 items=2 " + checkpointAfter(events, 0)),
          "page 2 was requested before page 1 was consumed: " + events);
      assertEquals(2, events.stream().filter(e -> e.startsWith("sent")).count(), "no extra request");
    }
  }

  /** Blocks the consumer until the recorder saw {@code event}: the prefetch is under way. */
  private static void awaitQuietly(Recorder recorder, String event) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    synchronized (recorder) {
      while (!recorder.events.contains(event) && System.nanoTime() < deadline) {
        try {
          recorder.wait(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The checkpoint a page event carries. */
  private static String checkpointAfter(List<String> events, int pageIndex) {
    String prefix = "page people " + pageIndex + " items=";
    return events.stream().filter(e -> e.startsWith(prefix)).findFirst()
        .map(e -> e.substring(e.lastIndexOf(' ') + 1)).orElse("missing");
  }

  @Test
  void oauthTokenIsReportedWhenFetchedAndWhenRefreshedAfterA401() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("token")
        .whenScenarioStateIs(STARTED).willSetStateTo("second")
        .willReturn(okJson("{\"access_token\":\"tok-one\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
    wm.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("token")
        .whenScenarioStateIs("second")
        .willReturn(okJson("{\"access_token\":\"tok-two\",\"token_type\":\"bearer\",\"expires_in\":1800}")));
    wm.stubFor(pageRequest(1).withHeader("Authorization", equalTo("Bearer tok-one"))
        .willReturn(aResponse().withStatus(401)));
    wm.stubFor(pageRequest(1).withHeader("Authorization", equalTo("Bearer tok-two"))
        .willReturn(pageBody(1, 1)));
    Recorder recorder = new Recorder();
    OAuth2Credentials credentials = OAuth2Credentials.clientCredentials("client-id", "s3cret-value")
        .tokenUrl(wm.baseUrl() + "/oauth/token").build();
    try (PeopleClient client = PeopleClient.create(PeopleStubs.options(wm, recorder.time)
        .authenticator(credentials).addListener(recorder).build())) {
      List<String> ids = new ArrayList<>();
      client.people().async().forEach(p -> ids.add(p.id())).get(10, TimeUnit.SECONDS);
      assertEquals(List.of("p1"), ids);
      String checkpoint = checkpointAfter(recorder.events, 0);
      // Token requests take the same pipeline, so they are reported like any request.
      assertEquals(List.of(
          "sent people POST /oauth/token #1",
          "received 200 POST /oauth/token #1",
          "token people client_credentials PT1H new",
          "sent people " + PAGE_1 + " #1",
          "received 401 " + PAGE_1 + " #1",
          "retry HTTP 401 in PT0S " + PAGE_1 + " #2",
          "sent people POST /oauth/token #1",
          "received 200 POST /oauth/token #1",
          "token people client_credentials PT30M refresh",
          "sent people " + PAGE_1 + " #2",
          "received 200 " + PAGE_1 + " #2",
          "page people 0 items=1 " + checkpoint), recorder.events);
      wm.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
      for (Object event : recorder.raw) {
        String text = event.toString();
        assertFalse(text.contains("tok-one") || text.contains("tok-two")
            || text.contains("s3cret-value"), "event carries a secret: " + text);
      }
    }
  }
}
