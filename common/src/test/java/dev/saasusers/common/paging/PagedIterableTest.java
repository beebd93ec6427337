package dev.saasusers.common.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.SdkException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The generic part: laziness, maxItems, checkpoints, resume, prefetch, closing, concurrency. */
class PagedIterableTest extends LoopbackPagingTest {
  private static final int TOTAL = 200;
  private static final int SIZE = 10;


  private PagedIterable<String> cursorUsers() {
    FakeUsers.cursor(wm, TOTAL, SIZE);
    return PagedIterable.of("datagrid", "cursor", FakeUsers.cursorFetcher(api, SIZE))
        .executor(pool);
  }

  private PagedIterable<String> numberedUsers() {
    FakeUsers.numbered(wm, TOTAL, SIZE, true);
    return PagedIterable.of("pandadoc", "page", FakeUsers.numberFetcher(api, SIZE))
        .executor(pool);
  }

  private PagedIterable<String> users(String strategy) {
    return strategy.equals("cursor") ? cursorUsers() : numberedUsers();
  }

  @Test
  void makesNoRequestUntilIterationStarts() throws InterruptedException {
    PagedIterable<String> users = cursorUsers();
    users.iterator();
    users.stream().map(String::toUpperCase);
    users.pages();
    String checkpoint = "datagrid.cursor.v1."
        + Base64.getUrlEncoder().withoutPadding().encodeToString("@u0010".getBytes());
    users.maxItems(3).prefetch(4).parallelism(4).resumeFrom(checkpoint).iterator();

    assertEquals(0, requestsAfterQuiet());
  }

  @ParameterizedTest(name = "{0}: maxItems {1}, prefetch {2}, parallelism {3} -> {4} requests")
  @CsvSource({
      "cursor, 25, 0, 1, 3", "cursor, 25, 1, 1, 3", "cursor, 25, 3, 1, 3",
      "cursor, 20, 0, 1, 2", "cursor, 20, 1, 1, 2", "cursor, 20, 3, 1, 2",
      "cursor, 1, 3, 1, 1", "cursor, 0, 3, 1, 0",
      "page, 25, 0, 1, 3", "page, 25, 1, 1, 3", "page, 20, 2, 1, 2",
      "page, 25, 1, 4, 3", "page, 20, 1, 4, 2", "page, 5, 0, 8, 1", "page, 0, 1, 4, 0"})
  void maxItemsFetchesNoPageBeyondTheOneHoldingTheLastItem(
      String strategy, int maxItems, int prefetch, int parallelism, int requests)
      throws InterruptedException {
    PagedIterable<String> users =
        users(strategy).maxItems(maxItems).prefetch(prefetch).parallelism(parallelism);

    assertEquals(FakeUsers.ids(maxItems), users.toList());
    assertEquals(requests, requestsAfterQuiet());
  }

  @Test
  void maxItemsMustNotBeNegative() {
    PagedIterable<String> users = cursorUsers();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> users.maxItems(-1));
    assertEquals("maxItems must be >= 0, was -1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> users.prefetch(-1));
    assertThrows(IllegalArgumentException.class, () -> users.parallelism(0));
    assertThrows(IllegalArgumentException.class,
        () -> PagedIterable.of("data.grid", "cursor", FakeUsers.cursorFetcher(api, SIZE)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cursor", "page"})
  void pagesCutByMaxItemsResumeRightAfterTheLastItemDelivered(String strategy) {
    PagedIterable<String> users = users(strategy);

    List<Page<String>> pages = new ArrayList<>();
    users.maxItems(25).pages().forEach(pages::add);
    List<String> first = pages.stream().flatMap(p -> p.items().stream()).collect(Collectors.toList());
    String checkpoint = pages.get(pages.size() - 1).checkpoint();
    List<String> rest = users.resumeFrom(checkpoint).toList();

    assertEquals(List.of(10, 10, 5), pages.stream().map(p -> p.items().size())
        .collect(Collectors.toList()));
    assertEquals(FakeUsers.ids(25), first);
    assertEquals(FakeUsers.ids(TOTAL).subList(25, TOTAL), rest);
  }

  static Stream<Arguments> failureModes() {
    return Stream.of(
        Arguments.of("cursor", 0, 1, false), Arguments.of("cursor", 1, 1, false),
        Arguments.of("cursor", 3, 1, false), Arguments.of("cursor", 1, 1, true),
        Arguments.of("page", 0, 1, false), Arguments.of("page", 1, 1, false),
        Arguments.of("page", 1, 4, false), Arguments.of("page", 2, 8, true));
  }

  @ParameterizedTest(name = "{0}, prefetch {1}, parallelism {2}, pages() {3}")
  @MethodSource("failureModes")
  void failureAtPage7Of20ThenResumeDeliversEveryUserExactlyOnce(
      String strategy, int prefetch, int parallelism, boolean byPages) {
    PagedIterable<String> users = users(strategy).prefetch(prefetch).parallelism(parallelism);
    failOnceAtPage7(strategy);

    List<String> delivered = new ArrayList<>();
    List<String> pageCheckpoints = new ArrayList<>();
    SdkException failure = assertThrows(SdkException.class, () -> {
      if (byPages) {
        for (Page<String> page : users.pages()) {
          delivered.addAll(page.items());
          pageCheckpoints.add(page.checkpoint());
        }
      } else {
        users.forEach(delivered::add);
      }
    });
    assertEquals(500, assertInstanceOf(LoopbackApi.StatusException.class, failure).status);
    assertEquals(FakeUsers.ids(60), delivered, "pages 1-6, then the error");
    String checkpoint = failure.checkpoint().orElseThrow();
    if (byPages) {
      assertEquals(pageCheckpoints.get(5), checkpoint);
    }
    assertTrue(failure.getMessage().contains(checkpoint));

    users.resumeFrom(checkpoint).forEach(delivered::add);

    assertEquals(FakeUsers.ids(TOTAL), delivered);
  }

  private void failOnceAtPage7(String strategy) {
    MappingBuilder page7 = strategy.equals("cursor")
        ? get(urlPathEqualTo("/cursor")).withQueryParam("after", equalTo(FakeUsers.id(60)))
        : get(urlPathEqualTo("/pages")).withQueryParam("page", equalTo("7"));
    wm.stubFor(page7.atPriority(1).inScenario("page 7").whenScenarioStateIs(STARTED)
        .willReturn(serverError()).willSetStateTo("recovered"));
  }

  @Test
  void failureOnTheFirstPageCarriesTheStartCheckpoint() {
    PagedIterable<String> users = numberedUsers();
    wm.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", equalTo("1")).atPriority(1)
        .inScenario("page 1").whenScenarioStateIs(STARTED).willReturn(serverError())
        .willSetStateTo("recovered"));

    SdkException failure = assertThrows(SdkException.class, users::toList);

    assertEquals(FakeUsers.ids(TOTAL), users.resumeFrom(failure.checkpoint().orElseThrow())
        .toList());
  }

  @Test
  void nonSdkFailureIsWrappedWithTheCheckpoint() {
    FakeUsers.cursor(wm, TOTAL, SIZE);
    PageFetcher<String> fetcher = CursorPaging.of(
        after -> {
          if (FakeUsers.id(30).equals(after)) {
            throw new IllegalStateException("decoder broke");
          }
          return api.get("/cursor" + (after == null ? "" : "?after=" + after));
        },
        body -> LoopbackApi.ids(body, "data"), body -> body.path("has_more").asBoolean(),
        id -> id);
    PagedIterable<String> users = PagedIterable.of("datagrid", "cursor", fetcher);
    List<String> delivered = new ArrayList<>();

    SdkException failure = assertThrows(SdkException.class, () -> users.forEach(delivered::add));

    assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertEquals(FakeUsers.ids(30), delivered);
    assertEquals(lastCheckpoint(users.maxItems(30)), failure.checkpoint().orElseThrow());
  }

  private static String lastCheckpoint(PagedIterable<String> users) {
    String last = null;
    for (Page<String> page : users.pages()) {
      last = page.checkpoint();
    }
    return last;
  }

  @Test
  void iteratingAgainAfterAFailureRethrowsIt() {
    PagedIterable<String> users = numberedUsers();
    failOnceAtPage7("page");
    var it = users.iterator();

    SdkException first = assertThrows(SdkException.class, () -> it.forEachRemaining(x -> { }));

    assertEquals(first, assertThrows(SdkException.class, it::hasNext));
  }

  @Test
  void refusesForeignOrGarbageCheckpointsBeforeAnyRequest() throws InterruptedException {
    PagedIterable<String> users = cursorUsers();
    String position = Base64.getUrlEncoder().withoutPadding().encodeToString("@u0010".getBytes());
    String[][] cases = {
        {"not-a-checkpoint", "not a checkpoint"},
        {"", "checkpoint is empty"},
        {"polytomic.single.v1." + position, "checkpoint is for vendor 'polytomic', not 'datagrid'"},
        {"datagrid.page.v1." + position, "checkpoint is for paging strategy 'page', not 'cursor'"},
        {"datagrid.cursor.v9." + position, "checkpoint version 'v9' is not supported"},
        {"datagrid.cursor.v1.%%%", "checkpoint position is not base64url"},
        {"datagrid.cursor.v1.Zm9v", "checkpoint holds no valid page position"},
        {"datagrid.cursor.v1." + position + ".-3", "item offset must be a positive number"},
        {"datagrid.cursor.v1.IzM", "checkpoint position #3 does not fit the 'cursor' paging"},
    };
    for (String[] c : cases) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> users.resumeFrom(c[0]), c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> users.resumeFrom(null));
    assertEquals(0, requestsAfterQuiet());
  }

  @Test
  void checkpointsAreShortAndNamedByVendorAndStrategy() {
    for (Page<String> page : cursorUsers().pages()) {
      String checkpoint = page.checkpoint();
      assertTrue(checkpoint.startsWith("datagrid.cursor.v1."), checkpoint);
      assertTrue(checkpoint.length() < 40, checkpoint);
    }
  }

  @Test
  void mapKeepsPagingAndCheckpoints() {
    PagedIterable<String> users = cursorUsers();
    List<String> plain = new ArrayList<>();
    users.pages().forEach(p -> plain.add(p.checkpoint()));
    List<String> mapped = new ArrayList<>();
    PagedIterable<Integer> numbers = users.map(id -> Integer.parseInt(id.substring(1)));
    numbers.pages().forEach(p -> mapped.add(p.checkpoint()));

    assertEquals(plain, mapped);
    assertEquals(Integer.valueOf(TOTAL), numbers.maxItems(TOTAL).stream().reduce((a, b) -> b)
        .orElseThrow());
  }

  @Test
  void listenerHearsEachPageOnceWithItsCheckpoint() {
    List<ClientListener.PageDelivered> events = new CopyOnWriteArrayList<>();
    PagedIterable<String> users = cursorUsers().listener(new ClientListener() {
      @Override
      public void onPageDelivered(PageDelivered event) {
        events.add(event);
      }
    });
    List<String> checkpoints = new ArrayList<>();
    users.pages().forEach(p -> checkpoints.add(p.checkpoint()));
    events.clear();

    users.toList();

    assertEquals(20, events.size());
    assertEquals(checkpoints, events.stream().map(ClientListener.PageDelivered::checkpoint)
        .collect(Collectors.toList()));
    assertEquals(19, events.get(19).pageIndex());
    assertTrue(events.stream().allMatch(e -> e.vendor().equals("datagrid") && e.items() == 10));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cursor", "page"})
  void manyThreadsIterateOneListingIndependently(String strategy) throws Exception {
    PagedIterable<String> users = users(strategy).parallelism(3);
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(callers.submit(users::toList));
      }
      for (Future<List<String>> result : results) {
        assertEquals(FakeUsers.ids(TOTAL), result.get(20, TimeUnit.SECONDS));
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void closingEarlyDiscardsFetchesNotYetStarted() {
    FakeUsers.cursor(wm, TOTAL, SIZE);
    // Holds prefetch tasks until the test runs them, so "not yet started" is certain.
    List<Runnable> held = new ArrayList<>();
    PagedIterable<String> users =
        PagedIterable.of("datagrid", "cursor", FakeUsers.cursorFetcher(api, SIZE))
            .executor(held::add).prefetch(2);

    try (Stream<String> stream = users.stream()) {
      assertEquals(FakeUsers.ids(3), stream.limit(3).collect(Collectors.toList()));
    }
    assertEquals(1, held.size(), "page 2 was scheduled while page 1 was consumed");
    held.forEach(Runnable::run);

    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void closedIteratorHasNoMoreItems() {
    CloseableIterator<String> it = cursorUsers().iterator();
    assertEquals(FakeUsers.id(1), it.next());

    it.close();

    assertFalse(it.hasNext());
  }
}
