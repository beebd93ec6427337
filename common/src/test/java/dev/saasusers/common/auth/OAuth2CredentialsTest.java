package dev.saasusers.common.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.saasusers.common.http.ApiException;
import dev.saasusers.common.http.ApiIoException;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.NotFoundException;
import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.http.ServerException;
import feign.Client;
import feign.Feign;
import feign.Request;
import feign.RequestLine;
import feign.RequestTemplate;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuth2CredentialsTest {
  static final String TOKEN_PATH = "/api/partners/v2.0/auth/token";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final List<ClientListener.TokenFetched> events = new CopyOnWriteArrayList<>();
  final ClientListener listener = new ClientListener() {
    @Override
    public void onTokenFetched(TokenFetched event) {
      events.add(event);
    }
  };

  interface Probe {
    @RequestLine("GET /probe")
    String get();
  }

  AuthContext context(String baseUrl) {
    return context(baseUrl, new Client.Default(null, null));
  }

  AuthContext context(String baseUrl, Client transport) {
    return new AuthContext(baseUrl == null ? null : URI.create(baseUrl),
        transport, new Request.Options(), new ObjectMapper(), listener,
        "podero");
  }

  static String token(String value, long expiresIn) {
    return "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":"
        + expiresIn + "}";
  }

  static void stubToken(String body) {
    wm.stubFor(post(TOKEN_PATH).willReturn(okJson(body)));
  }

  static String basic(String pair) {
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  static String authorization(Authenticator bound) {
    RequestTemplate template = new RequestTemplate();
    bound.apply(template);
    Collection<String> values = template.headers().get("Authorization");
    assertEquals(1, values.size(), "one Authorization value");
    return values.iterator().next();
  }

  OAuth2Credentials bound(OAuth2Credentials.Builder builder) {
    return builder.build().withDefaultTokenUrl(TOKEN_PATH).bind(context(wm.baseUrl()));
  }

  // ---- grants and request shape ----

  @Test
  void clientCredentialsUseHttpBasicAndAFormBody() {
    stubToken(token("tok-1", 3600));
    wm.stubFor(get("/probe").willReturn(ok("ok")));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret"));

    Feign.builder().client(new Client.Default(null, null)).requestInterceptor(auth)
        .target(Probe.class, wm.baseUrl()).get();

    wm.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
        .withHeader("Authorization", equalTo(basic("abc:s3cret")))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("grant_type=client_credentials")));
    wm.verify(getRequestedFor(urlEqualTo("/probe"))
        .withHeader("Authorization", equalTo("Bearer tok-1")));
  }

  @Test
  void basicCredentialsAreFormEncodedFirstPerRfc6749() {
    stubToken(token("tok-1", 3600));
    authorization(bound(OAuth2Credentials.clientCredentials("my id", "s:e/c")));

    wm.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
        .withHeader("Authorization", equalTo(basic("my+id:s%3Ae%2Fc"))));
  }

  @Test
  void clientSecretInBodyWhenAsked() {
    stubToken(token("tok-1", 3600));
    authorization(bound(OAuth2Credentials.clientCredentials("abc", "s3cret")
        .clientSecretInBody(true).scope("users:read")));

    wm.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
        .withoutHeader("Authorization")
        .withRequestBody(equalTo(
            "grant_type=client_credentials&scope=users%3Aread&client_id=abc&client_secret=s3cret")));
  }

  @Test
  void passwordGrantFormEncodesSpecialCharacters() {
    stubToken(token("tok-1", 3600));
    authorization(bound(OAuth2Credentials.password("ann+1@example.com", "p&ss w=rd/ü")));

    wm.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
        .withoutHeader("Authorization")
        .withRequestBody(equalTo(
            "grant_type=password&username=ann%2B1%40example.com&password=p%26ss+w%3Drd%2F%C3%BC"))
        .withFormParam("password", equalTo("p&ss w=rd/ü")));
  }

  @Test
  void passwordGrantWithClientAuthentication() {
    stubToken(token("tok-1", 3600));
    authorization(bound(OAuth2Credentials.password("ann", "pw")
        .clientId("abc").clientSecret("s3cret")));

    wm.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
        .withHeader("Authorization", equalTo(basic("abc:s3cret")))
        .withRequestBody(equalTo("grant_type=password&username=ann&password=pw")));
  }

  @Test
  void passwordGrantForAPublicClientSendsClientIdInBody() {
    stubToken(token("tok-1", 3600));
    authorization(bound(OAuth2Credentials.password("ann", "pw").clientId("public-app")));

    wm.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
        .withoutHeader("Authorization")
        .withRequestBody(equalTo("grant_type=password&username=ann&password=pw&client_id=public-app")));
  }

  // ---- token URL ----

  @Test
  void relativeTokenUrlKeepsTheBaseUrlPath() {
    wm.stubFor(post("/gateway" + TOKEN_PATH).willReturn(okJson(token("tok-g", 3600))));
    OAuth2Credentials auth = OAuth2Credentials.clientCredentials("abc", "s3cret")
        .build().withDefaultTokenUrl(TOKEN_PATH).bind(context(wm.baseUrl() + "/gateway/"));

    assertEquals("Bearer tok-g", authorization(auth));
    wm.verify(exactly(1), postRequestedFor(urlEqualTo("/gateway" + TOKEN_PATH)));
  }

  @Test
  void explicitTokenUrlOverridesTheDefault() {
    wm.stubFor(post("/custom/token").willReturn(okJson(token("tok-c", 3600))));
    OAuth2Credentials auth = OAuth2Credentials.clientCredentials("abc", "s3cret")
        .tokenUrl(wm.baseUrl() + "/custom/token").build()
        .withDefaultTokenUrl(TOKEN_PATH).bind(context("https://api.podero.invalid"));

    assertEquals("Bearer tok-c", authorization(auth));
    wm.verify(exactly(0), postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void relativeTokenUrlWithoutBaseUrlFailsAtBind() {
    OAuth2Credentials unbound =
        OAuth2Credentials.clientCredentials("abc", "s3cret").tokenUrl(TOKEN_PATH).build();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> unbound.bind(context(null)));
    assertTrue(e.getMessage().contains("relative token URL " + TOKEN_PATH + " needs a base URL"),
        e.getMessage());
  }

  @Test
  void missingTokenUrlFailsAtBind() {
    OAuth2Credentials unbound = OAuth2Credentials.clientCredentials("abc", "s3cret").build();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> unbound.bind(context(wm.baseUrl())));
    assertTrue(e.getMessage().contains("token URL is not set"), e.getMessage());
  }

  @Test
  void plainHttpTokenUrlToARemoteHostIsRefused() {
    OAuth2Credentials unbound = OAuth2Credentials.clientCredentials("abc", "s3cret")
        .tokenUrl("http://auth.example.com/token").build();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> unbound.bind(context("https://api.example.com")));
    assertTrue(e.getMessage().contains("plain http"), e.getMessage());
  }

  @Test
  void badTokenUrlsAreRefusedWhenSet() {
    OAuth2Credentials.Builder b = OAuth2Credentials.clientCredentials("abc", "s3cret");
    assertThrows(IllegalArgumentException.class, () -> b.tokenUrl(" "));
    assertThrows(IllegalArgumentException.class, () -> b.tokenUrl("ftp://host/token"));
    assertThrows(IllegalArgumentException.class, () -> b.tokenUrl("https://u:p@host/token"));
    assertThrows(IllegalArgumentException.class, () -> b.tokenUrl("//host/token"));
  }

  @Test
  void unboundCredentialsRefuseToApply() {
    OAuth2Credentials unbound =
        OAuth2Credentials.clientCredentials("abc", "s3cret").tokenUrl(TOKEN_PATH).build();
    assertThrows(IllegalStateException.class, () -> unbound.apply(new RequestTemplate()));
  }

  @Test
  void blankOrMultilineGrantValuesAreRefusedNamingTheOption() {
    assertEquals("clientSecret is blank", assertThrows(IllegalArgumentException.class,
        () -> OAuth2Credentials.clientCredentials("abc", " ")).getMessage());
    assertEquals("clientId is blank", assertThrows(IllegalArgumentException.class,
        () -> OAuth2Credentials.clientCredentials(null, "s")).getMessage());
    assertEquals("password contains a line break", assertThrows(IllegalArgumentException.class,
        () -> OAuth2Credentials.password("ann", "pw\n")).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> OAuth2Credentials.password("ann", "pw").clientSecret("s").build());
    assertThrows(IllegalArgumentException.class,
        () -> OAuth2Credentials.password("ann", "pw").refreshMargin(Duration.ofSeconds(-1)));
  }

  // ---- caching and expiry ----

  @Test
  void tokenIsCachedAcrossRequests() {
    stubToken(token("tok-1", 3600));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret"));

    assertEquals("Bearer tok-1", authorization(auth));
    assertEquals("Bearer tok-1", authorization(auth));

    wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void tokenIsRefetchedOnceTheMarginBeforeExpiryIsReached() {
    MutableClock clock = new MutableClock();
    stubSequence(token("tok-1", 3600), token("tok-2", 3600));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret")
        .clock(clock));

    assertEquals("Bearer tok-1", authorization(auth));
    clock.advance(Duration.ofSeconds(3600 - 31));
    assertEquals("Bearer tok-1", authorization(auth), "still outside the 30 s margin");
    clock.advance(Duration.ofSeconds(2));
    assertEquals("Bearer tok-2", authorization(auth), "inside the margin: refreshed");

    wm.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
    assertEquals(2, events.size());
    assertEquals(new ClientListener.TokenFetched(
        "podero", "client_credentials", Duration.ofSeconds(3600), false), events.get(0));
    assertTrue(events.get(1).refresh());
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "expires_in {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"1000000000000000000", "1e400",
      "9223372036854775807", "\"99999999999999999999\"", "1.7976931348623157E308"})
  void anAbsurdLifetimeIsCappedAtADayWithoutOverflow(String expiresIn) {
    MutableClock clock = new MutableClock();
    stubSequence("{\"access_token\":\"tok-1\",\"expires_in\":" + expiresIn + "}",
        token("tok-2", 3600));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret")
        .clock(clock));

    assertEquals("Bearer tok-1", authorization(auth));
    assertEquals(Duration.ofDays(1), events.get(0).expiresIn());
    clock.advance(Duration.ofDays(1).minusSeconds(31));
    assertEquals("Bearer tok-1", authorization(auth), "kept for a day less the margin");
    clock.advance(Duration.ofSeconds(2));
    assertEquals("Bearer tok-2", authorization(auth), "and not a moment past it");
  }

  @Test
  void aNegativeLifetimeMeansExpiredAtOnce() {
    MutableClock clock = new MutableClock();
    stubSequence(token("tok-1", -5), token("tok-2", 3600));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret")
        .clock(clock));

    assertEquals("Bearer tok-1", authorization(auth));
    assertEquals(Duration.ZERO, events.get(0).expiresIn());
    assertEquals("Bearer tok-2", authorization(auth));
  }

  @Test
  void marginNeverExceedsHalfTheLifetime() {
    MutableClock clock = new MutableClock();
    stubSequence(token("tok-1", 40), token("tok-2", 40));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret")
        .clock(clock));

    assertEquals("Bearer tok-1", authorization(auth));
    // A 30 s margin on a 40 s token would refresh at 10 s; half the lifetime caps it at 20 s.
    clock.advance(Duration.ofSeconds(19));
    assertEquals("Bearer tok-1", authorization(auth));
    clock.advance(Duration.ofSeconds(2));
    assertEquals("Bearer tok-2", authorization(auth));
  }

  @Test
  void customMarginIsHonoured() {
    MutableClock clock = new MutableClock();
    stubSequence(token("tok-1", 3600), token("tok-2", 3600));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret")
        .clock(clock).refreshMargin(Duration.ofMinutes(10)));

    authorization(auth);
    clock.advance(Duration.ofSeconds(3600 - 601));
    assertEquals("Bearer tok-1", authorization(auth));
    clock.advance(Duration.ofSeconds(2));
    assertEquals("Bearer tok-2", authorization(auth));
  }

  @Test
  void tokenWithoutExpiresInIsKeptUntilInvalidated() {
    MutableClock clock = new MutableClock();
    stubToken("{\"access_token\":\"tok-forever\",\"token_type\":\"bearer\"}");
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret")
        .clock(clock));

    authorization(auth);
    clock.advance(Duration.ofDays(10));
    assertEquals("Bearer tok-forever", authorization(auth));
    wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
    assertNull(events.get(0).expiresIn());
  }

  // ---- invalidation after a 401 ----

  @Test
  void invalidateAfter401FetchesANewTokenOnce() {
    stubSequence(token("tok-1", 3600), token("tok-2", 3600));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret"));

    assertEquals("Bearer tok-1", authorization(auth));
    assertTrue(auth.invalidate("Bearer tok-1"));
    assertEquals("Bearer tok-2", authorization(auth));
    assertEquals("Bearer tok-2", authorization(auth));

    wm.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void invalidateWithAStaleTokenKeepsTheNewerOneAndFetchesNothing() {
    stubSequence(token("tok-1", 3600), token("tok-2", 3600));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret"));
    authorization(auth);
    auth.invalidate("Bearer tok-1");
    assertEquals("Bearer tok-2", authorization(auth));

    // A request that raced with the refresh comes back 401 with the old token.
    assertTrue(auth.invalidate("Bearer tok-1"), "retry once: it will carry the newer token");
    assertEquals("Bearer tok-2", authorization(auth));

    wm.verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void invalidateOfSomethingElseOffersNoRetry() {
    stubToken(token("tok-1", 3600));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret"));
    authorization(auth);

    assertFalse(auth.invalidate(null));
    assertFalse(auth.invalidate("Basic YWJjOmRlZg=="));
    assertFalse(OAuth2Credentials.clientCredentials("a", "b").build().invalidate("Bearer x"));
  }

  // ---- token endpoint failures ----

  @Test
  void wrongCredentialsGiveAnAuthenticationExceptionWithoutTheSecret() {
    stubInvalidClient();
    // Buffered: in streaming mode (the default) HttpURLConnection drops the body of a 401.
    OAuth2Credentials auth = OAuth2Credentials.clientCredentials("abc", "wr0ng-s3cret").build()
        .withDefaultTokenUrl(TOKEN_PATH)
        .bind(context(wm.baseUrl(), new Client.Default(null, null, false)));

    AuthenticationException e =
        assertThrows(AuthenticationException.class, () -> authorization(auth));

    assertEquals("podero: OAuth2 token request to " + TOKEN_PATH
        + " was refused with HTTP 401: invalid_client (Client authentication failed)",
        e.getMessage());
    assertEquals(401, e.statusCode());
    assertEquals("invalid_client", e.oauthError().orElseThrow());
    assertFalse(e.getMessage().contains("wr0ng-s3cret"));
  }

  @Test
  void aRefusedTokenRequestIsAnApiExceptionOfTheTokenEndpoint() {
    stubInvalidClient();
    OAuth2Credentials auth = OAuth2Credentials.clientCredentials("abc", "wr0ng-s3cret").build()
        .withDefaultTokenUrl(TOKEN_PATH)
        .bind(context(wm.baseUrl(), new Client.Default(null, null, false)));

    ApiException e = assertThrows(ApiException.class, () -> authorization(auth));

    assertInstanceOf(AuthenticationException.class, e);
    assertEquals(401, e.statusCode());
    assertEquals("POST", e.method());
    assertEquals(wm.baseUrl() + TOKEN_PATH, e.url());
    assertEquals("token request", e.operation());
    assertTrue(e.body().contains("invalid_client"), e.body());
    assertTrue(e.permanent(), "wrong credentials stay wrong");
  }

  @Test
  void wrongCredentialsOnAStreamingTransportStillNameTheProblem() {
    stubInvalidClient();
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "wr0ng-s3cret"));

    AuthenticationException e =
        assertThrows(AuthenticationException.class, () -> authorization(auth));

    assertEquals(401, e.statusCode());
    assertTrue(e.getMessage().startsWith(
        "podero: OAuth2 token request to " + TOKEN_PATH + " was refused with HTTP 401"),
        e.getMessage());
    assertTrue(e.getMessage().contains("clientId and clientSecret"), e.getMessage());
    assertFalse(e.getMessage().contains("wr0ng-s3cret"));
  }

  private static void stubInvalidClient() {
    wm.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_client\","
            + "\"error_description\":\"Client authentication failed\"}")));
  }

  @Test
  void invalidGrantForThePasswordGrant() {
    wm.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"bad password hunter2\"}")));
    OAuth2Credentials auth = bound(OAuth2Credentials.password("ann", "hunter2"));

    AuthenticationException e =
        assertThrows(AuthenticationException.class, () -> authorization(auth));

    assertTrue(e.getMessage().contains("HTTP 400: invalid_grant"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), "an echoed secret is masked: " + e.getMessage());
  }

  @Test
  void serverErrorIsAServerExceptionWithItsStatusNotAnAuthenticationFailure() {
    wm.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(503).withBody("busy")));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret"));

    ServerException e = assertThrows(ServerException.class, () -> authorization(auth));

    assertEquals(503, e.statusCode());
    assertFalse(e.permanent(), "a 503 may pass");
    assertEquals("podero token request failed: HTTP 503 Service Unavailable", e.getMessage());
  }

  @Test
  void aTokenUrlThatIsNotFoundIsAPermanentNotFoundException() {
    wm.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(404)));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret"));

    NotFoundException e = assertThrows(NotFoundException.class, () -> authorization(auth));

    assertEquals(404, e.statusCode());
    assertTrue(e.permanent());
  }

  @Test
  void ioErrorIsAnApiIoExceptionWithTheCause() {
    wm.stubFor(post(TOKEN_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret"));

    ApiIoException e = assertThrows(ApiIoException.class, () -> authorization(auth));

    assertInstanceOf(IOException.class, e.getCause());
    assertTrue(e.getMessage().contains("token request failed: I/O error"), e.getMessage());
    assertFalse(e.permanent());
    assertTrue(e.attempts() > 0, "the token loop's outcome: not retried again by the API call");
  }

  @Test
  void responseWithoutAccessTokenIsAClearError() {
    stubToken("{\"token_type\":\"bearer\",\"expires_in\":3600}");
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret"));

    SdkException e = assertThrows(SdkException.class, () -> authorization(auth));
    assertTrue(e.getMessage().endsWith("has no access_token"), e.getMessage());
  }

  @Test
  void nonJsonResponseIsAClearError() {
    wm.stubFor(post(TOKEN_PATH).willReturn(ok("<html>login</html>")));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret"));

    SdkException e = assertThrows(SdkException.class, () -> authorization(auth));
    assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());
  }

  @Test
  void failedFetchIsNotCachedSoTheNextCallTriesAgain() {
    wm.stubFor(post(TOKEN_PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
    wm.stubFor(post(TOKEN_PATH).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson(token("tok-1", 3600))));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("abc", "s3cret"));

    assertThrows(SdkException.class, () -> authorization(auth));
    assertEquals("Bearer tok-1", authorization(auth));
  }

  // ---- secrets in toString ----

  @Test
  void toStringNeverShowsASecret() {
    OAuth2Credentials.Builder cc = OAuth2Credentials.clientCredentials("abc", "s3cret-cc");
    OAuth2Credentials.Builder pw = OAuth2Credentials.password("ann", "p4ss-word")
        .clientId("abc").clientSecret("s3cret-pw");
    stubToken(token("tok-secret", 3600));
    OAuth2Credentials bound = bound(OAuth2Credentials.clientCredentials("abc", "s3cret-cc"));
    authorization(bound);

    for (Object o : List.of(cc, pw, cc.build(), pw.build(), bound)) {
      String s = o.toString();
      for (String secret : List.of("s3cret-cc", "s3cret-pw", "p4ss-word", "tok-secret")) {
        assertFalse(s.contains(secret), s);
      }
    }
    assertTrue(cc.build().toString().startsWith(
        "OAuth2Credentials{grant=client_credentials, clientId=abc, clientSecret=***"),
        cc.build().toString());
  }

  private static void stubSequence(String first, String second) {
    wm.stubFor(post(TOKEN_PATH).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(first)).willSetStateTo("second"));
    wm.stubFor(post(TOKEN_PATH).inScenario("tokens").whenScenarioStateIs("second")
        .willReturn(okJson(second)));
  }
}
