package dev.saasusers.common.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageNumberPagingTest extends LoopbackPagingTest {

  @ParameterizedTest(name = "{0} users in pages of {1}, prefetch {2}, parallelism {3}")
  @CsvSource({
      "0, 10, 0, 1", "1, 10, 0, 1", "10, 10, 0, 1", "20, 10, 0, 1", "21, 10, 0, 1",
      "103, 10, 0, 1", "0, 10, 1, 4", "1, 10, 1, 4", "10, 10, 1, 4", "20, 10, 1, 4",
      "21, 10, 1, 4", "103, 10, 1, 4", "103, 10, 2, 1"})
  void totalEndsTheListingWithoutAnExtraRequest(int count, int size, int prefetch, int parallel) throws InterruptedException {
    FakeUsers.numbered(wm, count, size, true);
    PagedIterable<String> users =
        listing("pandadoc", "page", FakeUsers.numberFetcher(api, size))
            .prefetch(prefetch).parallelism(parallel);

    assertEquals(FakeUsers.ids(count), users.toList());
    assertEquals(FakeUsers.pagesFor(count, size), requestsAfterQuiet());
  }

  @ParameterizedTest(name = "{0} users in pages of {1}, no total")
  @CsvSource({"0, 10", "1, 10", "10, 10", "20, 10", "21, 10", "103, 10"})
  void withoutTotalAShortOrEmptyPageEndsTheListing(int count, int size) throws InterruptedException {
    FakeUsers.numbered(wm, count, size, false);
    PagedIterable<String> users =
        listing("pandadoc", "page", FakeUsers.numberFetcher(api, size)).parallelism(4);

    assertEquals(FakeUsers.ids(count), users.toList());
    // A full last page cannot be told from a middle one without a total: one more request.
    int expected = count % size == 0 ? count / size + 1 : FakeUsers.pagesFor(count, size);
    assertEquals(expected, requestsAfterQuiet());
  }

  @Test
  void emptyPageBeforeTheTotalEndsTheListing() throws InterruptedException {
    wm.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", equalTo("1"))
        .willReturn(okJson("{\"results\":" + FakeUsers.usersJson(FakeUsers.ids(10))
            + ",\"total\":50}")));
    wm.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", equalTo("2"))
        .willReturn(okJson("{\"results\":[],\"total\":50}")));

    List<String> users =
        listing("pandadoc", "page", FakeUsers.numberFetcher(api, 10)).prefetch(0)
            .toList();

    assertEquals(FakeUsers.ids(10), users);
    assertEquals(List.of(1, 2), FakeUsers.pagesRequested(wm));
  }

  @Test
  void parallelListingStopsAtAShortPageAndDiscardsLaterPages() throws InterruptedException {
    // The total promises 100 users but page 3 is short: pages fetched ahead are not delivered.
    List<String> all = FakeUsers.ids(100);
    for (int page = 1; page <= 10; page++) {
      List<String> items = page == 3 ? all.subList(20, 25) : all.subList((page - 1) * 10,
          page * 10);
      wm.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", equalTo("" + page))
          .willReturn(okJson("{\"results\":" + FakeUsers.usersJson(items) + ",\"total\":100}")));
    }

    List<String> users =
        listing("pandadoc", "page", FakeUsers.numberFetcher(api, 10)).parallelism(4)
            .toList();

    assertEquals(all.subList(0, 25), users);
  }

  @Test
  void parallelDeliversTheSameSequenceAsSequential() throws InterruptedException {
    FakeUsers.numbered(wm, 487, 10, true);
    PagedIterable<String> users =
        listing("pandadoc", "page", FakeUsers.numberFetcher(api, 10));

    List<String> sequential = users.prefetch(0).toList();
    List<String> prefetched = users.prefetch(3).toList();
    List<String> parallel = users.parallelism(4).toList();
    List<String> wide = users.parallelism(16).prefetch(0).toList();

    assertEquals(FakeUsers.ids(487), sequential);
    assertEquals(sequential, prefetched);
    assertEquals(sequential, parallel);
    assertEquals(sequential, wide);
  }
}
