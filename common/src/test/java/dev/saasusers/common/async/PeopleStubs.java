package dev.saasusers.common.async;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.auth.Credentials;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.http.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** WireMock stubs serving {@code count} people, {@link PeopleClient#PAGE_SIZE} a page. */
final class PeopleStubs {
  private PeopleStubs() {
  }

  static List<String> ids(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add("p" + i);
    }
    return ids;
  }

  static MappingBuilder pageRequest(int page) {
    return get(urlPathEqualTo("/people"))
        .withQueryParam("page", equalTo(String.valueOf(page)))
        .withQueryParam("per_page", equalTo(String.valueOf(PeopleClient.PAGE_SIZE)));
  }

  static ResponseDefinitionBuilder pageBody(int page, int count) {
    StringBuilder json = new StringBuilder("{\"total\":" + count + ",\"people\":[");
    int from = (page - 1) * PeopleClient.PAGE_SIZE + 1;
    int to = Math.min(count, from + PeopleClient.PAGE_SIZE - 1);
    for (int i = from; i <= to; i++) {
      json.append(i == from ? "" : ",")
          .append("{\"id\":\"p").append(i).append("\",\"email\":\"p").append(i)
          .append("@example.com\"}");
    }
    return okJson(json.append("]}").toString());
  }

  /** Serves every page of {@code count} people, without faults. */
  static void servePeople(WireMockExtension wm, int count) {
    int pages = Math.max(1, (count + PeopleClient.PAGE_SIZE - 1) / PeopleClient.PAGE_SIZE);
    for (int page = 1; page <= pages; page++) {
      wm.stubFor(pageRequest(page).willReturn(pageBody(page, count)));
    }
  }

  static ResponseDefinitionBuilder tooManyRequests(int retryAfterSeconds) {
    return aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(retryAfterSeconds))
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"slow down\"}");
  }

  /** Loopback options on virtual time: the retry rules are the same, no wait takes real time. */
  static ClientOptions.Builder options(WireMockExtension wm) {
    return options(wm, VirtualTime.create());
  }

  static ClientOptions.Builder options(WireMockExtension wm, VirtualTime time) {
    return ClientOptions.builder()
        .baseUrl(wm.baseUrl())
        .authenticator(Credentials.bearer("test-key"))
        .initialBackoff(Duration.ofMillis(10))
        .maxBackoff(Duration.ofMillis(40))
        .timeSource(time);
  }
}
