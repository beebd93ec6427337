package dev.saasusers.common.http;

import dev.saasusers.common.client.ClientRuntime;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.saasusers.common.http.WireMockSupport.VENDOR;
import static dev.saasusers.common.http.WireMockSupport.options;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.auth.Authenticator;
import feign.RequestTemplate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class LoggingTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockSupport.server();

  private static final List<String> SECRETS = List.of(
      "s3cr3t-bearer", "key-secret-123", "query-secret-789", "tok-secret-456", "refresh-secret-1",
      "cs-secret-2", "pw-secret-3");

  private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingListener.LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Level previous;

  @BeforeEach
  void capture() {
    previous = logger.getLevel();
    logger.setLevel(Level.TRACE);
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
  }

  @Test
  void traceLogsAttemptsAndBodiesButNoSecret() {
    wm.stubFor(get(urlPathEqualTo("/items")).inScenario("t").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
            .withBody("{\"message\":\"boom\",\"client_secret\":\"cs-secret-2\"}"))
        .willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo("/items")).inScenario("t").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"id\":1,\"name\":\"alice\",\"access_token\":\"tok-secret-456\","
            + "\"refresh_token\":\"refresh-secret-1\",\"password\":\"pw-secret-3\"}")));
    Authenticator bearer = new Authenticator() {
      @Override
      public void apply(RequestTemplate template) {
        template.removeHeader("Authorization");
        template.header("Authorization", "Bearer s3cr3t-bearer");
      }
    };
    ClientRuntime.create(VENDOR, options(wm).authenticator(bearer)
            .header("X-Api-Key", "key-secret-123").build())
        .api(TestApi.class).listItemsWithToken("query-secret-789");

    String log = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.joining("\n"));
    // The behaviour is there: one DEBUG line per attempt, and bodies at TRACE.
    assertTrue(log.contains("-> 500 in") && log.contains("(attempt 1)"), log);
    assertTrue(log.contains("-> 200 in") && log.contains("(attempt 2)"), log);
    assertTrue(log.contains("\"name\":\"alice\""), log);
    assertTrue(log.contains("Authorization: Bearer " + Redaction.MASK), log);
    assertTrue(log.contains("\"message\":\"boom\""), log);
    for (String secret : SECRETS) {
      assertFalse(log.contains(secret), "log holds " + secret + ":\n" + log);
    }
  }

  @Test
  void exceptionsHoldNoSecretEither() {
    wm.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(400)
        .withHeader("Set-Cookie", "session=pw-secret-3")
        .withBody("{\"error\":\"bad\"}")));
    ApiException e = assertThrows(ApiException.class, () ->
        ClientRuntime.create(VENDOR, options(wm).build()).api(TestApi.class)
            .listItemsWithToken("query-secret-789"));
    String all = e.getMessage() + e.url() + e.headers() + e;
    SECRETS.forEach(s -> assertFalse(all.contains(s), all));
  }
}
