package dev.saasusers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --timeout}: a server that drips its answer (95 bytes at 2 bytes a second, which no
 * read timeout catches) is cut off at the deadline, and the error names it.
 */
class TimeoutFlagTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Map<String, String> ENV = Map.of("DATAGRID_API_KEY", "dg-test-key");

  @BeforeEach
  void dripFeed() {
    String body = "{\"data\":[],\"has_more\":false,\"pad\":\"" + "x".repeat(95 - 37) + "\"}";
    wm.stubFor(get(anyUrl()).willReturn(okJson(body).withChunkedDribbleDelay(48, 47_000)));
  }

  private static CliRun list(String... flags) {
    String[] args = new String[4 + flags.length];
    args[0] = "list";
    args[1] = "datagrid";
    args[2] = "--base-url";
    args[3] = wm.baseUrl();
    System.arraycopy(flags, 0, args, 4, flags.length);
    return CliRun.of(ENV, args);
  }

  @Test
  @Timeout(8) // the done-when of the pipeline issue: well under the 47 s the drip would take
  void dripFeedFailsAtTheTimeoutNamingIt() {
    CliRun run = list("--timeout", "3", "--max-retries", "0");
    assertNotEquals(0, run.exitCode(), run.toString());
    assertTrue(run.err().contains("timeout of 3 s"), run.toString());
    wm.verify(1, getRequestedFor(anyUrl()));
  }

  @Test
  @Timeout(20)
  void oneRetryMakesExactlyTwoAttempts() {
    CliRun run = list("--timeout", "1", "--max-retries", "1");
    assertNotEquals(0, run.exitCode(), run.toString());
    assertTrue(run.err().contains("timeout of 1 s"), run.toString());
    wm.verify(2, getRequestedFor(anyUrl()));
  }

  @Test
  void timeoutMustBePositive() {
    CliRun run = list("--timeout", "0");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--timeout"), run.toString());
    wm.verify(0, getRequestedFor(anyUrl()));
  }
}
