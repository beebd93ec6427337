package dev.saasusers.common.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasusers.common.http.ClientListener.PagingAnomaly;
import dev.saasusers.common.http.ClientListener.PagingAnomaly.Kind;
import dev.saasusers.common.http.ClientListener.PagingAnomaly.Outcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A total that contradicts the pages never loses users: full pages are followed, the contradiction
 * is reported, sequentially and with parallel pages.
 */
class ContradictingTotalsTest extends LoopbackPagingTest {
  private static final int SIZE = 10;

  /** Pages of 10, 10 and 5 users, each claiming {@code total}. */
  private void pagesClaiming(String total) {
    List<String> all = FakeUsers.ids(25);
    for (int page = 1; page <= 4; page++) {
      List<String> ids = all.subList(Math.min(25, (page - 1) * SIZE), Math.min(25, page * SIZE));
      wm.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", equalTo(String.valueOf(page)))
          .willReturn(okJson("{\"total\":" + total + ",\"results\":" + FakeUsers.usersJson(ids) + "}")));
    }
  }

  private List<String> list(int parallelism, List<PagingAnomaly> anomalies) {
    return listing("pandadoc", "page", FakeUsers.numberFetcher(api, SIZE))
        .parallelism(parallelism).listener(CursorPagingTest.anomaliesInto(anomalies)).toList();
  }

  @ParameterizedTest(name = "total {0}, parallelism {1}")
  @CsvSource({"-5, 1", "-5, 4", "0, 1", "0, 4", "7, 1", "7, 4", "12, 1", "12, 4"})
  void fullPagesAreFollowedPastATotalThatSaysTheListingIsOver(String total, int parallelism)
      throws InterruptedException {
    pagesClaiming(total);
    List<PagingAnomaly> anomalies = new CopyOnWriteArrayList<>();

    assertEquals(FakeUsers.ids(25), list(parallelism, anomalies));

    assertTrue(anomalies.stream().anyMatch(a -> a.outcome() == Outcome.CONTINUED), anomalies::toString);
    Kind expected = total.startsWith("-") ? Kind.NEGATIVE_TOTAL : Kind.TOTAL_BELOW_ITEMS;
    assertTrue(anomalies.stream().allMatch(a -> a.kind() == expected), anomalies::toString);
    assertEquals(Outcome.ENDED, anomalies.get(anomalies.size() - 1).outcome());
    assertEquals(3, requestsAfterQuiet(), "pages 1 to 3, none twice");
  }

  @Test
  void aTotalAboveWhatTheShortPageEndsAtIsReported() {
    pagesClaiming("40");
    List<PagingAnomaly> anomalies = new CopyOnWriteArrayList<>();

    assertEquals(FakeUsers.ids(25), list(1, anomalies));

    assertEquals(1, anomalies.size(), anomalies::toString);
    assertEquals(Kind.SHORT_OF_TOTAL, anomalies.get(0).kind());
    assertEquals(Outcome.ENDED, anomalies.get(0).outcome());
    assertEquals(2, anomalies.get(0).pageIndex());
    assertEquals("total 40, but page 3 holds 5 of 10 items and ends the listing at 25",
        anomalies.get(0).detail());
  }

  @Test
  void aConsistentTotalReportsNothing() {
    pagesClaiming("25");
    List<PagingAnomaly> anomalies = new CopyOnWriteArrayList<>();

    assertEquals(FakeUsers.ids(25), list(4, anomalies));
    assertEquals(List.of(), anomalies);
  }

  @Test
  void aLastPageWithoutTotalIsReported() {
    wm.stubFor(get(urlPathEqualTo("/pages")).willReturn(okJson("{\"results\":[]}")));
    List<PagingAnomaly> anomalies = new CopyOnWriteArrayList<>();

    assertEquals(List.of(), list(1, anomalies));
    assertEquals(Kind.NO_TOTAL, anomalies.get(0).kind());
  }

  @Test
  void fullPagesForeverPastAWrongTotalStopAtTheBound() {
    // Every page is full and says total 0: the listing follows, then gives up with a message.
    wm.stubFor(get(urlPathEqualTo("/pages"))
        .willReturn(okJson("{\"total\":0,\"results\":[{\"id\":\"same\"}]}")));
    PagedIterable<String> users = listing("pandadoc", "page", PageNumberPaging.of(
        page -> page < PageNumberPaging.MAX_PAGES_PAST_A_WRONG_TOTAL - 2
            ? fakePage(page) : api.get("/pages?page=" + page),
        1, body -> LoopbackApi.ids(body, "results"), body -> body.get("total").numberValue()))
        .prefetch(0);

    PagingException e = assertThrows(PagingException.class, () -> users.forEach(u -> { }));
    assertTrue(e.getMessage().contains("stopping at " + PageNumberPaging.MAX_PAGES_PAST_A_WRONG_TOTAL),
        e.getMessage());
    assertEquals(3, wm.getAllServeEvents().size(), "only the last pages went over HTTP");
  }

  /** The early pages come from memory: ten thousand loopback requests would only cost time. */
  private static dev.saasusers.common.http.RawResponse<com.fasterxml.jackson.databind.JsonNode>
      fakePage(int page) {
    com.fasterxml.jackson.databind.node.ObjectNode body =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    body.put("total", 0);
    body.putArray("results").addObject().put("id", "p" + page);
    return new dev.saasusers.common.http.RawResponse<>(200, java.util.Map.of(), body);
  }
}
