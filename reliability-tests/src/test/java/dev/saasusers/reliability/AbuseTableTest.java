package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasusers.common.auth.AuthContext;
import dev.saasusers.common.auth.OAuth2Credentials;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.paging.Page;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakePandaDoc;
import dev.saasusers.testing.FakePodero;
import dev.saasusers.testing.FakePolytomic;
import dev.saasusers.testing.FakeVendor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, through the SDK and the CLI: each is refused before any request reaches a vendor,
 * with a message naming the problem.
 */
@ExtendWith(SuiteLedger.class)
class AbuseTableTest {
  private static FakeDatagrid datagrid;
  private static FakePandaDoc pandaDoc;
  private static FakePodero podero;
  private static FakePolytomic polytomic;
  private static String pandaDocCheckpoint;

  @BeforeAll
  static void startFakes() {
    datagrid = FakeDatagrid.start(120);
    pandaDoc = FakePandaDoc.start(120);
    podero = FakePodero.start(5);
    polytomic = FakePolytomic.start(5);
    try (PandaDocClient client = SuiteClients.pandaDoc(pandaDoc).build()) {
      // No prefetch, and the listing closed: no request may arrive after the reset below.
      try (Stream<? extends Page<?>> pages = client.users().list().prefetch(0).pageStream()) {
        pandaDocCheckpoint = pages.findFirst().orElseThrow().checkpoint();
      }
    }
    // Only requests made by the table itself count.
    Stream.of(datagrid, pandaDoc, podero, polytomic).forEach(FakeVendor::resetRequests);
  }

  @AfterAll
  static void stopFakes() {
    Stream.of(datagrid, pandaDoc, podero, polytomic).forEach(FakeVendor::close);
  }

  static Stream<Arguments> abuse() {
    String dg = "DATAGRID_BASE_URL";
    return Stream.of(
        row("blank key", "apiKey is blank",
            () -> DatagridClient.builder().apiKey("   ").baseUrl(datagrid.baseUrl()).build()),
        row("missing key (builder)", "credentials are missing",
            () -> DatagridClient.builder().baseUrl(datagrid.baseUrl()).build()),
        row("missing key (environment)", "DATAGRID_API_KEY",
            () -> DatagridClient.builder().fromEnv(Environment.of(Map.of(dg, datagrid.baseUrl()))).build()),
        row("key with CR/LF", "line break",
            () -> DatagridClient.builder().apiKey("dg_live_abc\r\nX-Injected: 1").baseUrl(datagrid.baseUrl()).build()),
        row("PandaDoc key with LF", "line break",
            () -> PandaDocClient.builder().apiKey("pd_key\nX-Injected: 1").baseUrl(pandaDoc.baseUrl()).build()),
        row("orgId not a UUID (builder)", "orgId",
            () -> SuiteClients.podero(podero).orgId("not-a-uuid")),
        row("orgId with ../ (listing)", "orgId",
            () -> list(SuiteClients.podero(podero).build(), "../../admin")),
        row("Polytomic orgId with ../", "orgId",
            () -> SuiteClients.polytomic(polytomic).build().users()
                .list(dev.saasusers.polytomic.PolytomicListUsersParams.defaults().withOrgId("../users"))),
        row("Datagrid page size 0", "pageSize", () -> dev.saasusers.datagrid.DatagridListUsersParams.defaults().withPageSize(0)),
        row("Datagrid page size -1", "pageSize", () -> dev.saasusers.datagrid.DatagridListUsersParams.defaults().withPageSize(-1)),
        row("Datagrid page size 101", "pageSize", () -> dev.saasusers.datagrid.DatagridListUsersParams.defaults().withPageSize(101)),
        row("PandaDoc page size 0", "pageSize", () -> dev.saasusers.pandadoc.PandaDocListUsersParams.defaults().withPageSize(0)),
        row("PandaDoc page size -1", "pageSize", () -> dev.saasusers.pandadoc.PandaDocListUsersParams.defaults().withPageSize(-1)),
        row("PandaDoc page size 51", "pageSize", () -> dev.saasusers.pandadoc.PandaDocListUsersParams.defaults().withPageSize(51)),
        row("http:// to a non-loopback host", "allowInsecureHttp",
            () -> DatagridClient.builder().apiKey("dg_live_x").baseUrl("http://api.example.com").build()),
        row("base URL not a URL", "baseUrl is not a URL",
            () -> DatagridClient.builder().apiKey("dg_live_x").baseUrl("not a url").build()),
        row("base URL without scheme", "baseUrl is not a URL",
            () -> DatagridClient.builder().apiKey("dg_live_x").baseUrl("127.0.0.1:8080").build()),
        row("relative token URL without base URL", "needs a base URL",
            () -> OAuth2Credentials.clientCredentials(podero.clientId(), podero.clientSecret())
                .tokenUrl(FakePodero.TOKEN_PATH).build()
                .bind(new AuthContext(null, new feign.Client.Default(null, null), null, null, null))),
        row("maxItems < 0", "maxItems",
            () -> SuiteClients.datagrid(datagrid).build().users().list().maxItems(-1)),
        row("garbage checkpoint", "checkpoint",
            () -> SuiteClients.datagrid(datagrid).build().users().list().resumeFrom("garbage")),
        row("another vendor's checkpoint", "pandadoc",
            () -> SuiteClients.datagrid(datagrid).build().users().list().resumeFrom(pandaDocCheckpoint)),
        cli("CLI page size 0", "pageSize", "list", "datagrid", "--page-size", "0"),
        cli("CLI page size over the maximum", "pageSize", "list", "pandadoc", "--page-size", "51"),
        cli("CLI maxItems < 0", "--max-items", "list", "datagrid", "--max-items", "-1"),
        cli("CLI garbage checkpoint", "checkpoint", "list", "datagrid", "--resume", "garbage"),
        cli("CLI another vendor's checkpoint", "pandadoc", "list", "datagrid", "--resume", "<pandadoc>"),
        cli("CLI orgId with ../", "--org-id", "list", "podero", "--org-id", "../admin"),
        cli("CLI base URL not a URL", "baseUrl", "list", "datagrid", "--base-url", "::nope::"),
        cli("CLI http:// to a non-loopback host", "allowInsecureHttp", "list", "datagrid", "--base-url",
            "http://api.example.com"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("abuse")
  void refusedBeforeAnyRequestNamingTheProblem(String name, String named, Executable abuse) throws Throwable {
    abuse.execute();
    for (FakeVendor fake : List.of(datagrid, pandaDoc, podero, polytomic)) {
      assertEquals(0, fake.requestCount(), name + ": a request reached " + fake);
    }
  }

  private static Arguments row(String name, String named, Executable abuse) {
    return Arguments.of(name, named, (Executable) () -> {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, abuse, name);
      SuiteLedger.exception(name, e);
      assertNamed(name, named, e.getMessage());
    });
  }

  private static Arguments cli(String name, String named, String... args) {
    return Arguments.of(name, named, (Executable) () -> {
      String[] resolved = Stream.of(args).map(a -> a.equals("<pandadoc>") ? pandaDocCheckpoint : a)
          .toArray(String[]::new);
      SuiteClients.CliRun run = SuiteClients.cli(cliEnv(), resolved);
      assertEquals(2, run.exitCode(), name + ": exit code; stderr: " + run.err());
      assertNamed(name, named, run.err());
      assertEquals("", run.out(), name + ": nothing on stdout");
    });
  }

  private static Environment cliEnv() {
    SuiteLedger.basicSecret(podero.clientId(), podero.clientSecret());
    return Environment.of(Map.of(
        "DATAGRID_API_KEY", datagrid.apiKey(), "DATAGRID_BASE_URL", datagrid.baseUrl(),
        "PANDADOC_API_KEY", pandaDoc.apiKey(), "PANDADOC_BASE_URL", pandaDoc.baseUrl(),
        "PODERO_CLIENT_ID", podero.clientId(), "PODERO_CLIENT_SECRET", podero.clientSecret(),
        "PODERO_BASE_URL", podero.baseUrl()));
  }

  private static boolean list(PoderoClient client, String orgId) {
    return client.users().list(dev.saasusers.podero.PoderoListUsersParams.defaults().withOrgId(orgId))
        .iterator().hasNext();
  }

  private static void assertNamed(String name, String named, String message) {
    assertTrue(message != null && message.toLowerCase(Locale.ROOT).contains(named.toLowerCase(Locale.ROOT)),
        name + ": message should name '" + named + "', was: " + message);
  }
}
