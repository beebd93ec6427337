package dev.saasusers.common.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Stubs a user listing on WireMock: cursor pages at /cursor, numbered pages at /pages. */
final class FakeUsers {
  private FakeUsers() {
  }

  static String id(int n) {
    return String.format("u%04d", n);
  }

  /** Ids u0001 .. u{count}. */
  static List<String> ids(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(FakeUsers::id).collect(Collectors.toList());
  }

  static String usersJson(List<String> ids) {
    return ids.stream().map(i -> "{\"id\":\"" + i + "\"}").collect(Collectors.joining(",", "[", "]"));
  }

  /** Number of requests a listing of {@code count} items in pages of {@code size} needs. */
  static int pagesFor(int count, int size) {
    return Math.max(1, (count + size - 1) / size);
  }

  /**
   * Cursor listing: GET /cursor?after=<last id> returns {"data":[...],"has_more":b}; the first
   * page has no {@code after}.
   */
  static void cursor(WireMockExtension wm, int count, int size) {
    List<String> all = ids(count);
    for (int page = 0; page == 0 || page * size < count; page++) {
      int from = page * size;
      int to = Math.min(count, from + size);
      MappingBuilder request = get(urlPathEqualTo("/cursor"))
          .withQueryParam("after", page == 0 ? absent() : equalTo(all.get(from - 1)));
      wm.stubFor(request.willReturn(okJson("{\"data\":" + usersJson(all.subList(from, to))
          + ",\"has_more\":" + (to < count) + "}")));
    }
  }

  /**
   * Page-number listing: GET /pages?page=p returns {"results":[...],"total":n} (total omitted
   * when {@code withTotal} is false); the page after the last returns no results.
   */
  static void numbered(WireMockExtension wm, int count, int size, boolean withTotal) {
    List<String> all = ids(count);
    int pages = pagesFor(count, size);
    for (int page = 1; page <= pages + 1; page++) {
      int from = Math.min(count, (page - 1) * size);
      int to = Math.min(count, from + size);
      wm.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", equalTo("" + page))
          .willReturn(okJson("{\"results\":" + usersJson(all.subList(from, to))
              + (withTotal ? ",\"total\":" + count : "") + "}")));
    }
  }

  /** Page numbers requested from /pages, oldest first. */
  static List<Integer> pagesRequested(WireMockExtension wm) {
    List<Integer> pages = new ArrayList<>();
    wm.getAllServeEvents().forEach(e -> {
      var param = e.getRequest().queryParameter("page");
      if (param.isPresent()) {
        pages.add(Integer.parseInt(param.firstValue()));
      }
    });
    java.util.Collections.reverse(pages); // WireMock lists the newest request first
    return pages;
  }

  static CursorPaging<?, String> cursorFetcher(LoopbackApi api, int size) {
    return CursorPaging.of(
        after -> api.get("/cursor?limit=" + size + (after == null ? "" : "&after=" + after)),
        body -> LoopbackApi.ids(body, "data"),
        body -> body.path("has_more").asBoolean(),
        id -> id);
  }

  static PageNumberPaging<?, String> numberFetcher(LoopbackApi api, int size) {
    return PageNumberPaging.of(
        page -> api.get("/pages?count=" + size + "&page=" + page),
        size,
        body -> LoopbackApi.ids(body, "results"),
        body -> body.hasNonNull("total") ? body.get("total").numberValue() : null);
  }
}
