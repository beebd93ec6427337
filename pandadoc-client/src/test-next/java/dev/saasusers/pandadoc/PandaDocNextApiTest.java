package dev.saasusers.pandadoc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.http.ServerException;
import dev.saasusers.common.http.VirtualTime;
import dev.saasusers.common.paging.PageNumberPaging;
import dev.saasusers.pandadoc.api.PandaDocApi;
import dev.saasusers.pandadoc.model.CreateUserRequest;
import dev.saasusers.pandadoc.model.CreateUserRequestUser;
import dev.saasusers.pandadoc.model.DocumentListResponse;
import dev.saasusers.pandadoc.model.DocumentListResponseResultsInner;
import dev.saasusers.pandadoc.model.GetUserResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Compiled only against PandaDoc's 8.8.0 spec: {@code scripts/check-pandadoc-next} copies it into
 * a temporary copy of the repo whose {@code specs/pandadoc.json} is 8.8.0. A user who upgraded
 * reaches operations the facade never wraps through {@code client.api()} and {@code paged(...)},
 * with the client's credentials, User-Agent and retry rules.
 */
class PandaDocNextApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "pd-next-key";
  private static final String AUTH = "API-Key " + KEY;
  private static final String USER_AGENT = "saas-users-java/.* pandadoc Java/.*";

  private final VirtualTime time = VirtualTime.create();
  private final PandaDocClient client = PandaDocClient.builder().apiKey(KEY)
      .baseUrl(wm.baseUrl()).timeSource(time).build();

  private static String documents(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(i -> "{\"id\":\"doc" + i + "\",\"name\":\"Document " + i + "\"}")
        .collect(Collectors.joining(",", "{\"results\":[", "]}"));
  }

  @Test
  void listDocumentsIsPagedByTheEngineAndA429IsRetriedAfterRetryAfter() {
    wm.stubFor(get(urlPathEqualTo("/public/v1/documents")).withQueryParam("page", equalTo("1"))
        .willReturn(okJson(documents(0, 2))));
    wm.stubFor(get(urlPathEqualTo("/public/v1/documents")).withQueryParam("page", equalTo("2"))
        .inScenario("p2").whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
    wm.stubFor(get(urlPathEqualTo("/public/v1/documents")).withQueryParam("page", equalTo("2"))
        .inScenario("p2").whenScenarioStateIs("ok").willReturn(okJson(documents(2, 1))));

    List<String> ids = client.paged("documents", api -> PageNumberPaging.of(
            page -> api.listDocumentsWithHttpInfo(
                new PandaDocApi.ListDocumentsQueryParams().page(page).count(2)),
            2, DocumentListResponse::getResults, body -> null))
        .map(DocumentListResponseResultsInner::getId).toList();

    assertEquals(List.of("doc0", "doc1", "doc2"), ids);
    assertEquals(List.of(Duration.ofSeconds(2)), time.waits(), "waited the Retry-After");
    wm.verify(3, getRequestedFor(urlPathEqualTo("/public/v1/documents"))
        .withHeader("Authorization", equalTo(AUTH))
        .withHeader("User-Agent", matching(USER_AGENT)));
  }

  @Test
  void detailsUserCarriesTheClientsCredentials() {
    wm.stubFor(get("/public/v1/users/u1").willReturn(okJson(
        "{\"user_id\":\"u1\",\"email\":\"ann@example.com\",\"license\":\"Business\"}")));
    GetUserResponse user = client.api().detailsUser("u1");
    assertEquals("ann@example.com", user.getEmail());
    wm.verify(getRequestedFor(urlPathEqualTo("/public/v1/users/u1"))
        .withHeader("Authorization", equalTo(AUTH))
        .withHeader("User-Agent", matching(USER_AGENT)));
  }

  @Test
  void createUserAnswered503IsSentExactlyOnce() {
    wm.stubFor(post(urlPathEqualTo("/public/v1/users")).willReturn(aResponse().withStatus(503)));
    CreateUserRequest request = new CreateUserRequest()
        .user(new CreateUserRequestUser().email("new@example.com"));
    ServerException e = assertThrows(ServerException.class,
        () -> client.api().createUser(request, null, null));
    assertEquals(503, e.statusCode());
    assertEquals(1, e.attempts());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/public/v1/users"))
        .withHeader("Authorization", equalTo(AUTH)));
  }
}
