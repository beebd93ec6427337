package dev.saasusers.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.http.ApiException;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.user.UserDirectory;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.polytomic.PolytomicClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A vendor that echoes the credential it was sent ("invalid key sk_...") in its error body, in a
 * response header and in a token error: for every vendor and credential kind, with and without
 * {@code --debug}, with every log at TRACE, no secret reaches stdout, stderr, a log line, an
 * exception message, {@code vendorMessage()}, {@code toString()} or an event; and no terminal
 * control or bidi-control character of the vendor's reaches the CLI's error output.
 */
@ExtendWith(SuiteLedger.class)
class EchoedSecretsTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ORG = "248df4b7-aa70-47b8-a036-33ac447e668d";
  /** Clear screen, a colour, BEL, a C1 control and a bidi override: what a terminal would run. */
  private static final String HOSTILE = "\\u001b[2J\\u001b[31m\\u0007\\u009b\\u202e";
  private static final Pattern TERMINAL_CONTROL =
      Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f\\x80-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]");

  /** One credential kind: its secret, how the CLI and the SDK get it, and where it is echoed. */
  record Kind(String name, String secret, Map<String, String> env, boolean tokenEndpoint,
      Function<String, UserDirectory> client) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Kind> kinds() {
    String base = wm.baseUrl();
    return Stream.of(
        new Kind("Polytomic key", "pt-SECRET-key-0001",
            Map.of("POLYTOMIC_API_KEY", "pt-SECRET-key-0001", "POLYTOMIC_ORG_ID", ORG), false,
            s -> PolytomicClient.builder().apiKey(s).orgId(ORG).baseUrl(base).maxRetries(0).build()),
        new Kind("Datagrid key", "dg-SECRET-123-abcdef", Map.of("DATAGRID_API_KEY", "dg-SECRET-123-abcdef"), false,
            s -> DatagridClient.builder().apiKey(s).baseUrl(base).maxRetries(0).build()),
        new Kind("PandaDoc API key", "pd-SECRET-apikey-42", Map.of("PANDADOC_API_KEY", "pd-SECRET-apikey-42"), false,
            s -> PandaDocClient.builder().apiKey(s).baseUrl(base).maxRetries(0).build()),
        new Kind("PandaDoc access token", "pd-SECRET-token-43",
            Map.of("PANDADOC_ACCESS_TOKEN", "pd-SECRET-token-43"), false,
            s -> PandaDocClient.builder().accessToken(s).baseUrl(base).maxRetries(0).build()),
        new Kind("Podero client secret", "po-SECRET-client-44",
            Map.of("PODERO_CLIENT_ID", "podero-app", "PODERO_CLIENT_SECRET", "po-SECRET-client-44",
                "PODERO_ORG_ID", ORG, "PODERO_TOKEN_URL", base + "/token"), true,
            s -> PoderoClient.builder().clientCredentials("podero-app", s).orgId(ORG)
                .tokenUrl(base + "/token").baseUrl(base).maxRetries(0).build()),
        new Kind("Podero password", "po-SECRET-password-45",
            Map.of("PODERO_USERNAME", "ann", "PODERO_PASSWORD", "po-SECRET-password-45",
                "PODERO_ORG_ID", ORG, "PODERO_TOKEN_URL", base + "/token"), true,
            s -> PoderoClient.builder().password("ann", s).orgId(ORG)
                .tokenUrl(base + "/token").baseUrl(base).maxRetries(0).build()));
  }

  /** An error that quotes the secret, with terminal escapes, in the body and in a header. */
  private static ResponseDefinitionBuilder echo(int status, String secret, boolean oauth) {
    String body = oauth
        ? "{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + secret + " " + HOSTILE + "\"}"
        : "{\"message\":\"key " + secret + " is invalid " + HOSTILE + "\",\"detail\":\"key " + secret
            + " " + HOSTILE + "\",\"type\":\"request_error\"}";
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withHeader("X-Echo", "you sent " + secret).withBody(body);
  }

  private static void serveEchoes(Kind kind) {
    wm.resetAll();
    if (kind.tokenEndpoint()) {
      wm.stubFor(post(urlPathEqualTo("/token")).willReturn(echo(400, kind.secret(), true)));
    }
    wm.stubFor(any(anyUrl()).atPriority(10).willReturn(echo(400, kind.secret(), false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void cliWithAndWithoutDebugShowsNeitherTheSecretNorTheVendorsEscapes(Kind kind) {
    SuiteLedger.secret(kind.secret());
    serveEchoes(kind);
    for (boolean debug : new boolean[] {false, true}) {
      Map<String, String> env = new HashMap<>(kind.env());
      baseUrlVariable(kind).ifPresent(v -> env.put(v, wm.baseUrl()));
      List<String> args = new ArrayList<>(List.of("list", vendorOf(kind)));
      if (debug) {
        args.add(0, "--debug");
      }
      SuiteClients.CliRun run = SuiteClients.cli(Environment.of(env), args.toArray(String[]::new));
      assertNotEquals(0, run.exitCode(), run.err());
      assertTrue(run.err().contains("***") || run.err().contains("HTTP 400"), run.err());
      assertEquals(List.of(), TERMINAL_CONTROL.matcher(run.err()).results()
          .map(m -> String.format("U+%04X", (int) m.group().charAt(0))).toList(),
          kind + (debug ? " --debug" : "") + ": control characters on stderr");
      assertEquals(List.of(), SuiteLedger.scan(), kind + (debug ? " --debug" : ""));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void sdkExceptionsEventsAndLogsHoldNoEcho(Kind kind) {
    SuiteLedger.secret(kind.secret());
    serveEchoes(kind);
    UserDirectory client = kind.client().apply(kind.secret());
    SdkException e = org.junit.jupiter.api.Assertions.assertThrows(SdkException.class,
        () -> client.directoryUsers().toList());
    SuiteLedger.exception(kind.name(), e);
    if (e instanceof ApiException api) {
      SuiteLedger.text(kind + " vendorMessage", api.vendorMessage().orElse(""));
      SuiteLedger.text(kind + " body", api.body());
      SuiteLedger.text(kind + " headers", api.headers().toString());
    }
    SuiteLedger.text(kind + " client", client.toString());
    assertEquals(List.of(), SuiteLedger.scan(), kind.name());
    assertTrue(e.getMessage().contains("***"), "the echo is there, scrubbed: " + e.getMessage());
  }

  @Test
  void issuedTokenEchoedByTheApiIsScrubbedToo() {
    String issued = "po-ISSUED-access-token-46";
    SuiteLedger.secret(issued);
    wm.resetAll();
    wm.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson(
        "{\"access_token\":\"" + issued + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
    wm.stubFor(any(anyUrl()).atPriority(10).willReturn(echo(400, issued, false)));
    List<String> events = new ArrayList<>();
    PoderoClient client = PoderoClient.builder().clientCredentials("podero-app", "po-client-47")
        .orgId(ORG).tokenUrl(wm.baseUrl() + "/token").baseUrl(wm.baseUrl()).maxRetries(0)
        .addListener(new ClientListener() {
          @Override
          public void onRetryScheduled(RetryScheduled event) {
            events.add(event.toString());
          }

          @Override
          public void onRequestSent(RequestSent event) {
            events.add(event.toString());
          }
        }).build();
    ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
        () -> client.users().list().toList());
    SuiteLedger.exception("Podero issued token", e);
    SuiteLedger.text("Podero issued token vendorMessage", e.vendorMessage().orElse(""));
    SuiteLedger.text("Podero issued token events", String.join("\n", events));
    assertEquals(List.of(), SuiteLedger.scan());
    assertTrue(e.unscrubbedBody().contains(issued), "the raw body stays available on request");
  }

  private static String vendorOf(Kind kind) {
    return kind.name().split(" ")[0].toLowerCase(java.util.Locale.ROOT);
  }

  private static java.util.Optional<String> baseUrlVariable(Kind kind) {
    return java.util.Optional.of(vendorOf(kind).toUpperCase(java.util.Locale.ROOT) + "_BASE_URL");
  }
}
