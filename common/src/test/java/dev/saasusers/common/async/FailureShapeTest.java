package dev.saasusers.common.async;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.saasusers.common.async.PeopleStubs.pageBody;
import static dev.saasusers.common.async.PeopleStubs.pageRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.auth.AuthenticationException;
import dev.saasusers.common.auth.OAuth2Credentials;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.http.ApiException;
import dev.saasusers.common.http.ApiIoException;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.NotFoundException;
import dev.saasusers.common.http.PermissionDeniedException;
import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.http.ServerException;
import dev.saasusers.common.http.UnauthorizedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One shape for every failure of a listing: a permanent failure (4xx other than 408 and 429,
 * a refused token request included) offers no checkpoint, a transient one keeps it; a token
 * failure is an {@link ApiException} with the token endpoint's status, or an
 * {@link ApiIoException}, and the call that needed the token does not retry it again.
 */
class FailureShapeTest {
  private static final String TOKEN = "/oauth/token";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static PeopleClient client(ClientOptions.Builder options) {
    return PeopleClient.create(options.build());
  }

  private static PeopleClient oauthClient(int maxRetries) {
    OAuth2Credentials credentials = OAuth2Credentials.clientCredentials("client-id", "s3cret-value")
        .tokenUrl(wm.baseUrl() + TOKEN).build();
    return client(PeopleStubs.options(wm).authenticator(credentials).maxRetries(maxRetries));
  }

  /** The listing's failure, through the synchronous iterator. */
  private static SdkException syncFailure(PeopleClient client) {
    return assertThrows(SdkException.class, () -> client.people().toList());
  }

  /** The listing's failure, through the asynchronous pager. */
  private static SdkException asyncFailure(PeopleClient client) {
    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> client.people().async().forEach(p -> { }).get(10, TimeUnit.SECONDS));
    return assertInstanceOf(SdkException.class, failed.getCause());
  }

  private static void assertNoResumeHint(SdkException e) {
    assertTrue(e.permanent(), e.getMessage());
    assertTrue(e.checkpoint().isEmpty(), e.getMessage());
    assertFalse(e.getMessage().contains("resume"), e.getMessage());
    assertEquals(e.messageWithoutCheckpoint(), e.getMessage());
  }

  private static void assertResumeHint(SdkException e) {
    assertFalse(e.permanent(), e.getMessage());
    String checkpoint = e.checkpoint().orElseThrow();
    assertEquals(e.messageWithoutCheckpoint() + " (resume from checkpoint " + checkpoint + ")",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403, 404})
  void aPermanentStatusMidListingOffersNoCheckpointOnEitherPath(int status) {
    PeopleStubs.servePeople(wm, 7);
    wm.stubFor(pageRequest(2).willReturn(aResponse().withStatus(status)));
    try (PeopleClient client = client(PeopleStubs.options(wm))) {
      for (SdkException e : List.of(syncFailure(client), asyncFailure(client))) {
        assertEquals(status, assertInstanceOf(ApiException.class, e).statusCode());
        assertNoResumeHint(e);
      }
    }
  }

  @Test
  void aPermanentStatusOnTheFirstPageOffersNoCheckpointEither() {
    wm.stubFor(pageRequest(1).willReturn(aResponse().withStatus(404)));
    try (PeopleClient client = client(PeopleStubs.options(wm))) {
      assertNoResumeHint(assertInstanceOf(NotFoundException.class, syncFailure(client)));
    }
  }

  @Test
  void aTransientStatusMidListingKeepsTheCheckpointAndResumeCompletes() {
    PeopleStubs.servePeople(wm, 7);
    wm.stubFor(pageRequest(2).willReturn(aResponse().withStatus(503)));
    try (PeopleClient client = client(PeopleStubs.options(wm).maxRetries(0))) {
      SdkException sync = syncFailure(client);
      SdkException async = asyncFailure(client);
      assertInstanceOf(ServerException.class, sync);
      assertResumeHint(sync);
      assertResumeHint(async);
      assertEquals(sync.checkpoint(), async.checkpoint());

      wm.stubFor(pageRequest(2).willReturn(pageBody(2, 7)));
      assertEquals(List.of("p3", "p4", "p5", "p6", "p7"), client.people()
          .resumeFrom(sync.checkpoint().orElseThrow()).map(PeopleApi.Person::id).toList());
    }
  }

  @Test
  void aRefusedTokenRequestIsAPermanentApiExceptionWithItsStatus() {
    wm.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));
    try (PeopleClient client = oauthClient(2)) {
      for (SdkException e : List.of(syncFailure(client), asyncFailure(client))) {
        ApiException api = assertInstanceOf(AuthenticationException.class, e);
        assertFalse(e instanceof UnauthorizedException, "not the API's 401: nothing to refresh");
        assertEquals(401, api.statusCode());
        assertNoResumeHint(e);
        assertFalse(e.getMessage().contains("s3cret-value"));
      }
      wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN))); // one per listing, no retry
      wm.verify(0, getRequestedFor(urlPathEqualTo("/people")));
    }
  }

  @Test
  void aForbiddenTokenRequestIsAnAuthenticationExceptionNotAPermissionDenied() {
    wm.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(403)));
    try (PeopleClient client = oauthClient(2)) {
      SdkException e = syncFailure(client);
      assertFalse(e instanceof PermissionDeniedException);
      assertEquals(403, assertInstanceOf(AuthenticationException.class, e).statusCode());
      assertNoResumeHint(e);
    }
  }

  @Test
  void aTokenEndpointThatStaysUnavailableIsTransientAndNotRetriedAgainByTheListing() {
    // A 503 with Retry-After: the token loop retries even a POST (the server did not process it).
    ResponseDefinitionBuilder unavailable = aResponse().withStatus(503).withHeader("Retry-After", "1");
    wm.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(unavailable));
    try (PeopleClient client = oauthClient(2)) {
      SdkException e = syncFailure(client);

      ServerException server = assertInstanceOf(ServerException.class, e);
      assertEquals(503, server.statusCode());
      assertResumeHint(e);
      // 1 + 2 retries by the token loop; the page fetch's own loop adds none.
      wm.verify(3, postRequestedFor(urlPathEqualTo(TOKEN)));
      wm.verify(0, getRequestedFor(urlPathEqualTo("/people")));
    }
  }

  @Test
  void aTokenRequestCutOffIsAnApiIoExceptionThatKeepsTheCheckpoint() {
    wm.stubFor(post(urlPathEqualTo(TOKEN))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    List<String> sent = new CopyOnWriteArrayList<>();
    OAuth2Credentials credentials = OAuth2Credentials.clientCredentials("client-id", "s3cret-value")
        .tokenUrl(wm.baseUrl() + TOKEN).build();
    try (PeopleClient client = client(PeopleStubs.options(wm).authenticator(credentials)
        .maxRetries(2).addListener(new ClientListener() {
          @Override
          public void onRequestSent(RequestSent e) {
            sent.add(e.method() + " " + e.path() + " #" + e.attempt());
          }
        }))) {
      SdkException e = syncFailure(client);

      assertInstanceOf(ApiIoException.class, e);
      assertTrue(e.getMessage().startsWith("People token request failed: I/O error"), e.getMessage());
      assertResumeHint(e);
      // A reset POST may have been processed: the SDK sends it once, and neither loop retries.
      // (The JDK's HttpURLConnection may itself resend a POST whose connection was reset.)
      assertEquals(List.of("POST " + TOKEN + " #1"), sent);
    }
  }
}
