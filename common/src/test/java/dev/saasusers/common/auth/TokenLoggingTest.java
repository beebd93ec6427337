package dev.saasusers.common.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.Client;
import feign.Request;
import feign.RequestTemplate;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** TRACE logging of token requests and responses shows bodies with every secret masked. */
class TokenLoggingTest {
  static final String TOKEN_PATH = "/api/partners/v2.0/auth/token";
  static final List<String> SECRETS =
      List.of("s3cret-client", "p4ss-word", "acc3ss-tok", "r3fresh-tok");

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final Logger logger = (Logger) LoggerFactory.getLogger("dev.saasusers.auth");
  final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  Level previous;

  @BeforeEach
  void capture() {
    previous = logger.getLevel();
    logger.setLevel(Level.TRACE);
    captured.start();
    logger.addAppender(captured);
  }

  @AfterEach
  void release() {
    logger.detachAppender(captured);
    logger.setLevel(previous);
  }

  OAuth2Credentials bound(OAuth2Credentials.Builder builder) {
    return builder.tokenUrl(TOKEN_PATH).build().bind(new AuthContext(URI.create(wm.baseUrl()),
        new Client.Default(null, null), new Request.Options(), new ObjectMapper(), null, "podero"));
  }

  String allLogText() {
    StringBuilder all = new StringBuilder();
    captured.list.forEach(e -> all.append(e.getFormattedMessage()).append('\n'));
    return all.toString();
  }

  @Test
  void traceLogHoldsBodiesButNoSecret() {
    wm.stubFor(post(TOKEN_PATH).willReturn(okJson(
        "{\"access_token\":\"acc3ss-tok\",\"refresh_token\":\"r3fresh-tok\","
            + "\"token_type\":\"bearer\",\"expires_in\":3600}")));
    OAuth2Credentials auth = bound(OAuth2Credentials.password("ann", "p4ss-word")
        .clientId("app").clientSecret("s3cret-client").clientSecretInBody(true));

    auth.apply(new RequestTemplate());

    String logs = allLogText();
    assertTrue(logs.contains("grant_type=password&username=ann&password=***&client_id=app"
        + "&client_secret=***"), logs);
    assertTrue(logs.contains("\"access_token\":\"***\""), logs);
    assertTrue(logs.contains("\"expires_in\":3600"), logs);
    assertTrue(logs.contains("POST " + TOKEN_PATH + " -> 200"), logs);
    for (String secret : SECRETS) {
      assertFalse(logs.contains(secret), "log holds " + secret + ":\n" + logs);
    }
  }

  @Test
  void failedTokenRequestLogsNoSecretEither() {
    wm.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"password p4ss-word\"}")));
    OAuth2Credentials auth = bound(OAuth2Credentials.clientCredentials("app", "s3cret-client"));

    assertThrows(AuthenticationException.class, () -> auth.apply(new RequestTemplate()));

    String logs = allLogText();
    assertTrue(logs.contains("-> 400"), logs);
    assertFalse(logs.contains("s3cret-client"), logs);
  }
}
