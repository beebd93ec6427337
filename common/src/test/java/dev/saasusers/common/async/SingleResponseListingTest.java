package dev.saasusers.common.async;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.http.VirtualTime;
import dev.saasusers.common.paging.CloseableIterator;
import dev.saasusers.common.paging.Page;
import dev.saasusers.common.paging.PagedIterable;
import feign.Client;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A listing that answers in one response (Polytomic, Podero) costs one direct call: the one
 * request, its retries and its events all happen on the caller's thread, and nothing is
 * handed to an executor, whatever prefetch says; resume, maxItems and the failure's
 * checkpoint behave as for any listing.
 */
class SingleResponseListingTest {
  private static final String EVERYONE =
      "{\"total\":3,\"people\":[{\"id\":\"p1\",\"email\":\"p1@example.com\"},"
          + "{\"id\":\"p2\",\"email\":\"p2@example.com\"},{\"id\":\"p3\",\"email\":\"p3@example.com\"}]}";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Which thread did what: every request the transport sends, and every client event. */
  private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

  private void saw(String what) {
    seen.add(what);
    threads.add(Thread.currentThread());
  }

  /** The SDK's default transport, noting the thread each exchange runs on. */
  private Client recordingTransport() {
    Client http = new Client.Default(null, null);
    return (request, options) -> {
      saw("transport " + request.httpMethod() + " " + request.url().replace(wm.baseUrl(), ""));
      return http.execute(request, options);
    };
  }

  private final ClientListener events = new ClientListener() {
    @Override
    public void onRequestSent(RequestSent e) {
      saw("request attempt " + e.attempt());
    }

    @Override
    public void onRetryScheduled(RetryScheduled e) {
      saw("retry in " + e.delay().toMillis() + " ms");
    }

    @Override
    public void onPageDelivered(PageDelivered e) {
      saw("page " + e.pageIndex() + " with " + e.items() + " items");
    }
  };

  private PeopleClient client(VirtualTime time) {
    return PeopleClient.create(PeopleStubs.options(wm, time).transport(recordingTransport())
        .addListener(events).maxRetries(2).build());
  }

  @Test
  void theOnePageIsFetchedOnTheCallersThreadThroughTheRetryLoopAndNothingGoesToTheExecutor()
      throws Exception {
    wm.stubFor(get(urlPathEqualTo("/everyone")).inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(PeopleStubs.tooManyRequests(1)).willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo("/everyone")).inScenario("429").whenScenarioStateIs("ok")
        .willReturn(okJson(EVERYONE)));
    VirtualTime time = VirtualTime.create();
    try (TrackedExecutor executor = new TrackedExecutor(); PeopleClient client = client(time)) {
      // prefetch(3) asks for pages ahead: a single response has none, so it changes nothing.
      PagedIterable<PeopleApi.Person> everyone = client.everyone().prefetch(3).executor(executor);

      List<String> ids = everyone.stream().map(PeopleApi.Person::id).toList();

      assertEquals(List.of("p1", "p2", "p3"), ids);
      assertEquals(List.of("request attempt 1", "transport GET /everyone", "retry in 1000 ms",
          "request attempt 2", "transport GET /everyone", "page 0 with 3 items"), seen);
      assertEquals(Set.of(Thread.currentThread()), Set.copyOf(threads),
          "every exchange and event ran on the caller's thread");
      assertEquals(0, executor.started(), "no task was handed to the listing's executor");
      assertEquals(List.of(Duration.ofSeconds(1)), time.waits(), "the Retry-After was waited out");
      wm.verify(2, getRequestedFor(urlPathEqualTo("/everyone")));
    }
  }

  @Test
  void theDefaultPagingPoolGetsNoThreadForASingleResponse() {
    wm.stubFor(get(urlPathEqualTo("/everyone")).willReturn(okJson(EVERYONE)));
    Set<Thread> pagingThreadsBefore = pagingThreads();
    try (PeopleClient client = client(VirtualTime.create())) {
      assertEquals(3, client.everyone().toList().size());
    }
    // A thread of the shared pool that an earlier test started may end meanwhile; none starts.
    assertTrue(pagingThreadsBefore.containsAll(pagingThreads()),
        "a paging thread started: " + pagingThreads());
    assertEquals(Set.of(Thread.currentThread()), Set.copyOf(threads));
  }

  @Test
  void aFailureEndsTheRunOnTheCallersThreadWithTheCheckpointThatStartsItAgain() {
    wm.stubFor(get(urlPathEqualTo("/everyone")).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"down\"}")));
    try (TrackedExecutor executor = new TrackedExecutor();
        PeopleClient client = client(VirtualTime.create())) {
      PagedIterable<PeopleApi.Person> everyone = client.everyone().executor(executor);
      CloseableIterator<PeopleApi.Person> it = everyone.iterator();

      SdkException e = assertThrows(SdkException.class, it::hasNext);

      assertSame(e, assertThrows(SdkException.class, it::hasNext), "the run stays failed");
      wm.verify(3, getRequestedFor(urlPathEqualTo("/everyone"))); // 1 + maxRetries(2)
      assertEquals(Set.of(Thread.currentThread()), Set.copyOf(threads));
      assertEquals(0, executor.started());
      String checkpoint = e.checkpoint().orElseThrow();

      wm.stubFor(get(urlPathEqualTo("/everyone")).willReturn(okJson(EVERYONE)));
      assertEquals(List.of("p1", "p2", "p3"), everyone.resumeFrom(checkpoint).stream()
          .map(PeopleApi.Person::id).toList(), "the checkpoint starts the listing again");
    }
  }

  @Test
  void maxItemsCutsThePageAndItsCheckpointResumesRightAfterIt() {
    wm.stubFor(get(urlPathEqualTo("/everyone")).willReturn(okJson(EVERYONE)));
    try (TrackedExecutor executor = new TrackedExecutor();
        PeopleClient client = client(VirtualTime.create())) {
      PagedIterable<PeopleApi.Person> everyone = client.everyone().executor(executor);

      List<Page<PeopleApi.Person>> pages = new ArrayList<>();
      everyone.maxItems(2).pages().forEach(pages::add);
      assertEquals(1, pages.size());
      assertEquals(List.of("p1", "p2"), ids(pages.get(0).items()));

      List<Page<PeopleApi.Person>> rest = new ArrayList<>();
      everyone.resumeFrom(pages.get(0).checkpoint()).pages().forEach(rest::add);
      assertEquals(List.of("p3"), ids(rest.get(0).items()), "the rest, none repeated");
      assertEquals(List.of(), everyone.resumeFrom(rest.get(0).checkpoint()).toList(),
          "the last checkpoint is the end");
      wm.verify(2, getRequestedFor(urlPathEqualTo("/everyone")));
      assertEquals(0, executor.started());
      assertEquals(Set.of(Thread.currentThread()), Set.copyOf(threads));
    }
  }

  private static List<String> ids(List<PeopleApi.Person> people) {
    return people.stream().map(PeopleApi.Person::id).toList();
  }

  private static Set<Thread> pagingThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("saasusers-paging-")).collect(Collectors.toSet());
  }
}
