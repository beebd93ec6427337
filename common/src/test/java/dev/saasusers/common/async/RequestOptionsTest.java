package dev.saasusers.common.async;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.saasusers.common.async.PeopleStubs.pageBody;
import static dev.saasusers.common.async.PeopleStubs.pageRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.auth.OAuth2Credentials;
import dev.saasusers.common.client.RequestOptions;
import dev.saasusers.common.http.ApiIoException;
import dev.saasusers.common.http.ServerException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code withOptions}: per-call timeout, retries, headers and parallelism on a shared client. */
class RequestOptionsTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final RequestOptions SHORT_TIMEOUT =
      RequestOptions.builder().timeout(Duration.ofMillis(200)).build();

  private static void serveSlowly(Duration delay) {
    wm.stubFor(pageRequest(1).willReturn(pageBody(1, 2).withFixedDelay((int) delay.toMillis())));
  }

  @Test
  void perCallTimeoutShorterThanTheClientsFailsWithAnIoError() {
    serveSlowly(Duration.ofSeconds(1));
    try (PeopleClient client = PeopleClient.create(PeopleStubs.options(wm)
        .readTimeout(Duration.ofSeconds(5)).maxRetries(0).build())) {
      PeopleClient quick = client.withOptions(SHORT_TIMEOUT);
      assertThrows(ApiIoException.class, () -> quick.people().toList());
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> quick.people().async().forEach(p -> { }).get(10, TimeUnit.SECONDS));
      assertInstanceOf(ApiIoException.class, async.getCause());
      // the client itself keeps its 5 s timeout
      assertEquals(List.of("p1", "p2"), client.people().map(PeopleApi.Person::id).toList());
    }
  }

  @Test
  void perCallTimeoutLongerThanTheClientsSucceeds() {
    serveSlowly(Duration.ofSeconds(1));
    try (PeopleClient client = PeopleClient.create(PeopleStubs.options(wm)
        .readTimeout(Duration.ofMillis(200)).maxRetries(0).build())) {
      assertThrows(ApiIoException.class, () -> client.people().toList());
      PeopleClient patient = client.withOptions(
          RequestOptions.builder().timeout(Duration.ofSeconds(5)).build());
      assertEquals(List.of("p1", "p2"), patient.people().map(PeopleApi.Person::id).toList());
    }
  }

  @Test
  void perCallRetriesAndHeadersApplyToTheDerivedClientOnly() {
    wm.stubFor(pageRequest(1).willReturn(aResponse().withStatus(503)));
    try (PeopleClient client = PeopleClient.create(PeopleStubs.options(wm).maxRetries(2).build())) {
      PeopleClient once = client.withOptions(RequestOptions.builder().maxRetries(0)
          .header("X-Request-Source", "nightly-sync").build());
      assertThrows(ServerException.class, () -> once.people().toList());
      wm.verify(1, getRequestedFor(urlPathEqualTo("/people"))
          .withHeader("X-Request-Source", equalTo("nightly-sync")));

      assertThrows(ServerException.class, () -> client.people().toList());
      wm.verify(3, getRequestedFor(urlPathEqualTo("/people"))
          .withHeader("X-Request-Source", absent()));
    }
  }

  @Test
  void derivedClientSharesTheTokenCacheAndOutlivesItsClose() {
    wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(
        okJson("{\"access_token\":\"tok\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
    PeopleStubs.servePeople(wm, 2);
    OAuth2Credentials credentials = OAuth2Credentials.clientCredentials("client-id", "secret")
        .tokenUrl(wm.baseUrl() + "/oauth/token").build();
    try (PeopleClient client =
        PeopleClient.create(PeopleStubs.options(wm).authenticator(credentials).build())) {
      client.people().toList();
      try (PeopleClient derived = client.withOptions(SHORT_TIMEOUT)) {
        derived.people().toList();
      }
      client.people().toList(); // closing the derived client left the shared transport open
      wm.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
      wm.verify(3, getRequestedFor(urlPathEqualTo("/people"))
          .withHeader("Authorization", equalTo("Bearer tok")));
    }
  }

  @Test
  void parallelismAndOverridesCombine() {
    PeopleStubs.servePeople(wm, 2);
    try (PeopleClient client = PeopleClient.create(PeopleStubs.options(wm).build())) {
      PeopleClient derived = client.withOptions(RequestOptions.builder().parallelism(4).build())
          .withOptions(RequestOptions.builder().maxRetries(0).build());
      assertTrue(derived.people().toString().contains("parallelism=4"), derived.people().toString());
      assertTrue(client.people().toString().contains("parallelism=1"));
      assertEquals(0, derived.options().maxRetries());
      assertEquals(RequestOptions.builder().parallelism(4).maxRetries(0).build(),
          derived.requestOptions());
    }
  }

  @Test
  void badOptionsFailBeforeAnyRequest() {
    RequestOptions.Builder b = RequestOptions.builder();
    assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> b.maxRetries(-1));
    assertThrows(IllegalArgumentException.class, () -> b.parallelism(0));
    assertThrows(IllegalArgumentException.class, () -> b.header("X-Ok", "a\r\nX-Evil: 1"));
    try (PeopleClient client = PeopleClient.create(PeopleStubs.options(wm).build())) {
      IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
          () -> client.withOptions(RequestOptions.builder().header("bad name", "v").build()));
      assertTrue(bad.getMessage().contains("bad name"), bad.getMessage());
    }
    wm.verify(0, getRequestedFor(urlPathEqualTo("/people")));
  }

  @Test
  void toStringLeavesHeaderValuesOut() {
    String text = RequestOptions.builder().header("X-Api-Key", "very-secret").build().toString();
    assertTrue(text.contains("X-Api-Key") && !text.contains("very-secret"), text);
  }
}
