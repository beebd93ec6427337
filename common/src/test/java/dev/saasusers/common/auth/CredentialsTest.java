package dev.saasusers.common.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import feign.Client;
import feign.Feign;
import feign.RequestLine;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CredentialsTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  interface Probe {
    @RequestLine("GET /probe")
    String get();
  }

  private Probe probe(Authenticator auth) {
    return Feign.builder()
        .client(new Client.Default(null, null))
        .requestInterceptor(auth)
        .target(Probe.class, wm.baseUrl());
  }

  @Test
  void bearerSendsAuthorizationBearerToken() {
    wm.stubFor(get("/probe").willReturn(ok("ok")));

    probe(Credentials.bearer("t0k-en")).get();

    wm.verify(getRequestedFor(urlEqualTo("/probe"))
        .withHeader("Authorization", equalTo("Bearer t0k-en")));
  }

  @Test
  void apiKeyWithPrefixSendsPandaDocStyleHeader() {
    wm.stubFor(get("/probe").willReturn(ok("ok")));

    probe(Credentials.apiKey("Authorization", "API-Key ", "3039ba03")).get();

    wm.verify(getRequestedFor(urlEqualTo("/probe"))
        .withHeader("Authorization", equalTo("API-Key 3039ba03")));
  }

  @Test
  void apiKeyInCustomHeaderWithoutPrefix() {
    wm.stubFor(get("/probe").willReturn(ok("ok")));

    probe(Credentials.apiKey("X-Api-Key", "", "k3y")).get();

    wm.verify(getRequestedFor(urlEqualTo("/probe")).withHeader("X-Api-Key", equalTo("k3y"))
        .withoutHeader("Authorization"));
  }

  @Test
  void keyWithBracesIsSentLiterallyNotAsFeignTemplate() {
    wm.stubFor(get("/probe").willReturn(ok("ok")));

    probe(Credentials.apiKey("X-Api-Key", "", "{abc}")).get();

    wm.verify(getRequestedFor(urlEqualTo("/probe")).withHeader("X-Api-Key", equalTo("{abc}")));
  }

  @Test
  void tokenSupplierIsAskedForEveryRequest() {
    wm.stubFor(get("/probe").willReturn(ok("ok")));
    AtomicInteger calls = new AtomicInteger();
    Probe client = probe(Credentials.tokenSupplier(() -> "tok-" + calls.incrementAndGet()));

    client.get();
    client.get();

    List<String> sent = wm.getAllServeEvents().stream()
        .map(e -> e.getRequest().getHeader("Authorization")).sorted().toList();
    assertEquals(List.of("Bearer tok-1", "Bearer tok-2"), sent);
  }

  @Test
  void feignRetryReplacesTheHeaderInsteadOfAddingASecondValue() {
    // Feign applies interceptors again to the same template on a retry; a token that changed
    // in between must replace the old value, not join it.
    wm.stubFor(get("/probe").inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0"))
        .willSetStateTo("recovered"));
    wm.stubFor(get("/probe").inScenario("retry").whenScenarioStateIs("recovered")
        .willReturn(ok("ok")));
    AtomicInteger calls = new AtomicInteger();

    probe(Credentials.tokenSupplier(() -> "tok-" + calls.incrementAndGet())).get();

    List<ServeEvent> events = new java.util.ArrayList<>(wm.getAllServeEvents());
    java.util.Collections.reverse(events); // oldest first
    assertEquals(2, events.size());
    assertEquals(List.of("Bearer tok-1"),
        events.get(0).getRequest().getHeaders().getHeader("Authorization").values());
    assertEquals(List.of("Bearer tok-2"),
        events.get(1).getRequest().getHeaders().getHeader("Authorization").values());
  }

  @Test
  void blankValueIsRefusedNamingTheSource() {
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> Credentials.bearer("  ", "DATAGRID_API_KEY"));
    assertEquals("DATAGRID_API_KEY is blank", blank.getMessage());

    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Credentials.apiKey("Authorization", "API-Key ", null, "apiKey"));
    assertEquals("apiKey is blank", missing.getMessage());
  }

  @Test
  void lineBreakIsRefusedNamingTheSourceButNotTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Credentials.bearer("s3cr3t\r\nX-Injected: 1", "DATAGRID_API_KEY"));
    assertEquals("DATAGRID_API_KEY contains a line break", e.getMessage());

    IllegalArgumentException lf = assertThrows(IllegalArgumentException.class,
        () -> Credentials.apiKey("Authorization", "API-Key ", "s3cr3t\n", "PANDADOC_API_KEY"));
    assertEquals("PANDADOC_API_KEY contains a line break", lf.getMessage());
  }

  @Test
  void invalidHeaderNameOrPrefixIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Credentials.apiKey("X Api Key", "", "k"));
    assertThrows(IllegalArgumentException.class, () -> Credentials.apiKey(" ", "", "k"));
    assertThrows(IllegalArgumentException.class,
        () -> Credentials.apiKey("Authorization", "API-Key\r\n", "k"));
  }

  @Test
  void tokenSupplierGivingABlankTokenFailsBeforeAnyRequest() {
    Supplier<String> empty = () -> "";
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> probe(Credentials.tokenSupplier(empty, "vaultTokens")).get());

    assertTrue(e.getMessage().startsWith("vaultTokens is blank"), e.getMessage());
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void tokenSupplierOffersARetryOnlyWhenItNowGivesAnotherToken() {
    AtomicInteger version = new AtomicInteger(1);
    Authenticator auth = Credentials.tokenSupplier(() -> "tok-" + version.get());

    assertFalse(auth.invalidate("Bearer tok-1"), "same token again: a retry cannot help");
    version.set(2);
    assertTrue(auth.invalidate("Bearer tok-1"));
    assertFalse(auth.invalidate(null));
  }

  @Test
  void staticCredentialsNeverOfferARetry() {
    assertFalse(Credentials.bearer("t").invalidate("Bearer t"));
  }

  @Test
  void toStringNeverShowsTheSecret() {
    String secret = "s3cr3t-value";
    for (Authenticator auth : List.of(
        Credentials.bearer(secret),
        Credentials.bearer(secret, "DATAGRID_API_KEY"),
        Credentials.apiKey("Authorization", "API-Key ", secret),
        Credentials.tokenSupplier(() -> secret))) {
      assertFalse(auth.toString().contains(secret), auth.toString());
      assertTrue(auth.toString().contains("***"), auth.toString());
    }
    assertTrue(Credentials.bearer(secret, "DATAGRID_API_KEY").toString()
        .contains("DATAGRID_API_KEY"));
  }
}
