package dev.saasusers.common.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.IncompleteResponseException;
import dev.saasusers.common.http.VendorProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CursorPagingTest extends LoopbackPagingTest {

  @ParameterizedTest(name = "{0} users in pages of {1}, prefetch {2}")
  @CsvSource({
      "0, 10, 0", "1, 10, 0", "10, 10, 0", "20, 10, 0", "21, 10, 0", "103, 10, 0",
      "0, 10, 1", "1, 10, 1", "10, 10, 1", "20, 10, 1", "21, 10, 1", "103, 10, 3"})
  void listsEveryUserOnceInOrderWithOneRequestPerPage(int count, int size, int prefetch) throws InterruptedException {
    FakeUsers.cursor(wm, count, size);
    PagedIterable<String> users =
        listing("datagrid", "cursor", FakeUsers.cursorFetcher(api, size))
            .prefetch(prefetch);

    assertEquals(FakeUsers.ids(count), users.toList());
    assertEquals(FakeUsers.pagesFor(count, size), requestsAfterQuiet());
  }

  @Test
  void emptyFirstPageClaimingMoreFailsAndReportsTheContradiction() throws InterruptedException {
    wm.stubFor(get(urlPathEqualTo("/cursor"))
        .willReturn(okJson("{\"data\":[],\"has_more\":true}")));
    List<ClientListener.PagingAnomaly> anomalies = new CopyOnWriteArrayList<>();

    PagingException e = assertThrows(PagingException.class, () -> listing("datagrid", "cursor",
        FakeUsers.cursorFetcher(api, 10)).listener(anomaliesInto(anomalies)).toList());

    assertTrue(e.getMessage().contains("has_more is true"), e.getMessage());
    assertEquals(1, anomalies.size());
    assertEquals(ClientListener.PagingAnomaly.Kind.HAS_MORE_WITHOUT_ITEMS, anomalies.get(0).kind());
    assertEquals(ClientListener.PagingAnomaly.Outcome.FAILED, anomalies.get(0).outcome());
    assertEquals(1, requestsAfterQuiet());
  }

  @Test
  void emptyPageClaimingMoreMidListingFailsAfterEarlierPagesWithTheirCheckpoint()
      throws InterruptedException {
    wm.stubFor(get(urlPathEqualTo("/cursor")).withQueryParam("after", absent())
        .willReturn(okJson("{\"data\":" + FakeUsers.usersJson(FakeUsers.ids(3))
            + ",\"has_more\":true}")));
    wm.stubFor(get(urlPathEqualTo("/cursor")).withQueryParam("after", equalTo("u0003"))
        .willReturn(okJson("{\"data\":[],\"has_more\":true}")));
    PagedIterable<String> users = listing("datagrid", "cursor", FakeUsers.cursorFetcher(api, 3))
        .prefetch(3);

    List<String> seen = new ArrayList<>();
    PagingException e = assertThrows(PagingException.class, () -> users.forEach(seen::add));

    assertEquals(FakeUsers.ids(3), seen);
    // Resuming asks for the page after u0003 again: the listing goes on from there.
    wm.stubFor(get(urlPathEqualTo("/cursor")).withQueryParam("after", equalTo("u0003"))
        .willReturn(okJson("{\"data\":[{\"id\":\"u0004\"}],\"has_more\":false}")));
    assertEquals(List.of("u0004"), users.resumeFrom(e.checkpoint().orElseThrow()).toList());
  }

  @Test
  void nullItemsFailTheListingUnlessTheSpecAllowsNull() throws InterruptedException {
    wm.stubFor(get(urlPathEqualTo("/cursor"))
        .willReturn(okJson("{\"data\":null,\"has_more\":false}")));

    IncompleteResponseException e = assertThrows(IncompleteResponseException.class,
        () -> listing("datagrid", "cursor", FakeUsers.cursorFetcher(api, 3)).toList());
    assertEquals(200, e.statusCode());
    assertEquals(List.of(), listing("datagrid", "cursor", FakeUsers.cursorFetcher(api, 3)
        .itemsField(ItemsField.nullMeansEmpty(VendorProfile.of("datagrid", "Datagrid"),
            "listUsers", "data"))).toList());
  }

  static ClientListener anomaliesInto(List<ClientListener.PagingAnomaly> sink) {
    return new ClientListener() {
      @Override
      public void onPagingAnomaly(PagingAnomaly event) {
        sink.add(event);
      }
    };
  }

  @Test
  void repeatedCursorFailsNamingTheCursorWithoutDeliveringThePageTwice() throws InterruptedException {
    // A server that ignores `after` returns the same page, ending in u0003, forever.
    wm.stubFor(get(urlPathEqualTo("/cursor"))
        .willReturn(okJson("{\"data\":" + FakeUsers.usersJson(FakeUsers.ids(3))
            + ",\"has_more\":true}")));
    PagedIterable<String> users =
        listing("datagrid", "cursor", FakeUsers.cursorFetcher(api, 3)).prefetch(2);

    List<String> seen = new ArrayList<>();
    PagingException e = assertThrows(PagingException.class, () -> users.forEach(seen::add));

    assertTrue(e.getMessage().contains("u0003"), e.getMessage());
    assertEquals(FakeUsers.ids(3), seen);
    assertTrue(e.checkpoint().isPresent());
    assertTrue(requestsAfterQuiet() <= 4, "the listing did not loop");
  }

  @Test
  void backwardsPagesWithBeforeAndTheFirstIdOfEachPage() throws InterruptedException {
    // Newest first: the first page holds u0007..u0009, then before=u0007 gives u0004..u0006...
    List<String> all = FakeUsers.ids(9);
    wm.stubFor(get(urlPathEqualTo("/cursor")).withQueryParam("before", absent())
        .willReturn(okJson("{\"data\":" + FakeUsers.usersJson(all.subList(6, 9))
            + ",\"has_more\":true}")));
    wm.stubFor(get(urlPathEqualTo("/cursor")).withQueryParam("before", equalTo("u0007"))
        .willReturn(okJson("{\"data\":" + FakeUsers.usersJson(all.subList(3, 6))
            + ",\"has_more\":true}")));
    wm.stubFor(get(urlPathEqualTo("/cursor")).withQueryParam("before", equalTo("u0004"))
        .willReturn(okJson("{\"data\":" + FakeUsers.usersJson(all.subList(0, 3))
            + ",\"has_more\":false}")));
    PageFetcher<String> fetcher = CursorPaging.backwards(
        before -> api.get("/cursor?limit=3" + (before == null ? "" : "&before=" + before)),
        body -> LoopbackApi.ids(body, "data"),
        body -> body.path("has_more").asBoolean(),
        id -> id);

    List<String> users = listing("datagrid", "cursor-before", fetcher).toList();

    List<String> expected = new ArrayList<>(all.subList(6, 9));
    expected.addAll(all.subList(3, 6));
    expected.addAll(all.subList(0, 3));
    assertEquals(expected, users);
    assertEquals(3, requestsAfterQuiet());
  }

  @Test
  void nullHasMoreCountsAsNoMore() throws InterruptedException {
    wm.stubFor(get(urlPathEqualTo("/cursor"))
        .willReturn(okJson("{\"data\":" + FakeUsers.usersJson(FakeUsers.ids(2)) + "}")));
    PageFetcher<String> fetcher = CursorPaging.of(
        after -> api.get("/cursor" + (after == null ? "" : "?after=" + after)),
        body -> LoopbackApi.ids(body, "data"),
        body -> body.hasNonNull("has_more") ? body.get("has_more").asBoolean() : null,
        id -> id);

    assertEquals(FakeUsers.ids(2), listing("datagrid", "cursor", fetcher).toList());
    assertEquals(1, requestsAfterQuiet());
  }
}
