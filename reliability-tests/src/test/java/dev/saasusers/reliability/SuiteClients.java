package dev.saasusers.reliability;

import dev.saasusers.cli.UsersCli;
import dev.saasusers.common.config.Environment;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.polytomic.PolytomicClient;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakePandaDoc;
import dev.saasusers.testing.FakePodero;
import dev.saasusers.testing.FakePolytomic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Clients and CLI runs pointed at the fakes, with the suite's retry counter and every secret
 * registered with {@link SuiteLedger}. Backoff is short (the suite must stay fast); Retry-After
 * is not touched, so 429s still wait the fakes' 1 s.
 */
final class SuiteClients {
  /** Read timeout short enough that a {@code SLOW_RESPONSE} fault times out and is retried. */
  static final Duration READ_TIMEOUT = Duration.ofMillis(500);

  private static final java.util.Set<FakePodero> WATCHED =
      java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
  private static final com.fasterxml.jackson.databind.ObjectMapper TOKEN_JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private SuiteClients() {
  }

  static DatagridClient.Builder datagrid(FakeDatagrid fake) {
    SuiteLedger.secret(fake.apiKey());
    return DatagridClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
        .addListener(SuiteLedger.RETRY_COUNTER)
        .options(o -> o.initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200)));
  }

  static PandaDocClient.Builder pandaDoc(FakePandaDoc fake) {
    SuiteLedger.secret(fake.apiKey());
    SuiteLedger.secret(fake.accessToken());
    return PandaDocClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
        .addListener(SuiteLedger.RETRY_COUNTER)
        .options(o -> o.initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200)));
  }

  static PoderoClient.Builder podero(FakePodero fake) {
    watchTokens(fake);
    SuiteLedger.basicSecret(fake.clientId(), fake.clientSecret());
    SuiteLedger.secret(fake.password());
    return PoderoClient.builder().clientCredentials(fake.clientId(), fake.clientSecret())
        .baseUrl(fake.baseUrl()).orgId(fake.orgId().toString())
        .addListener(SuiteLedger.RETRY_COUNTER)
        .options(o -> o.initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200)));
  }

  /**
   * Registers every access token the fake issues as a secret, read from its token responses as
   * they are served.
   */
  static void watchTokens(FakePodero fake) {
    synchronized (WATCHED) {
      if (!WATCHED.add(fake)) {
        return;
      }
    }
    fake.server().addMockServiceRequestListener((request, response) -> {
      if (request.getUrl().startsWith(FakePodero.TOKEN_PATH) && response.getStatus() == 200) {
        try {
          SuiteLedger.secret(TOKEN_JSON.readTree(response.getBodyAsString()).path("access_token").asText(null));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    });
  }

  static PolytomicClient.Builder polytomic(FakePolytomic fake) {
    SuiteLedger.secret(fake.apiKey());
    return PolytomicClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
        .orgId(fake.orgId().toString()).addListener(SuiteLedger.RETRY_COUNTER);
  }

  /** The environment the CLI reads a Datagrid fake's credentials from. */
  static Environment datagridEnv(FakeDatagrid fake) {
    SuiteLedger.secret(fake.apiKey());
    return Environment.of(Map.of("DATAGRID_API_KEY", fake.apiKey(), "DATAGRID_BASE_URL", fake.baseUrl()));
  }

  /** The environment the CLI reads a PandaDoc fake's credentials from. */
  static Environment pandaDocEnv(FakePandaDoc fake) {
    SuiteLedger.secret(fake.apiKey());
    return Environment.of(Map.of("PANDADOC_API_KEY", fake.apiKey(), "PANDADOC_BASE_URL", fake.baseUrl()));
  }

  /** What one in-process CLI run printed, and its exit code. */
  record CliRun(int exitCode, String out, String err) {
  }

  /** Runs {@code users-cli} in-process; its stdout and stderr go to the secret scan. */
  static CliRun cli(Environment env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = UsersCli.run(env, o, e, args);
    }
    CliRun run = new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    String command = "users-cli " + String.join(" ", args);
    SuiteLedger.text(command + " stdout", run.out());
    SuiteLedger.text(command + " stderr", run.err());
    return run;
  }
}
