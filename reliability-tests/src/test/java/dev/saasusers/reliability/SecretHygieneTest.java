package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasusers.common.auth.AuthenticationException;
import dev.saasusers.common.auth.Credentials;
import dev.saasusers.common.auth.OAuth2Credentials;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.config.ProxySettings;
import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.http.UnauthorizedException;
import dev.saasusers.common.paging.Page;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.polytomic.PolytomicClient;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakePandaDoc;
import dev.saasusers.testing.FakePodero;
import dev.saasusers.testing.FakePolytomic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Secrets stay out of every {@code toString()} (clients, options, credentials, proxy settings,
 * environments, pages, listings) and every exception message, including the CLI's
 * {@code --debug} stack traces. The ledger then scans all of it, and all log output.
 */
@ExtendWith(SuiteLedger.class)
class SecretHygieneTest {
  private static final String PROXY_PASSWORD = "proxy-pa55word-XYZ";

  @Test
  void toStringOfEveryClientOptionsCredentialAndPageHidesSecrets() {
    SuiteLedger.secret(PROXY_PASSWORD);
    try (FakeDatagrid dg = FakeDatagrid.start(5);
        FakePandaDoc pd = FakePandaDoc.start(5);
        FakePodero po = FakePodero.start(5);
        FakePolytomic pt = FakePolytomic.start(5);
        DatagridClient datagrid = SuiteClients.datagrid(dg)
            .proxy(ProxySettings.of("127.0.0.1", 3128).withCredentials("proxy-user", PROXY_PASSWORD))
            .build();
        PandaDocClient pandaDoc = SuiteClients.pandaDoc(pd).build();
        PandaDocClient pandaDocToken = PandaDocClient.builder().accessToken(pd.accessToken())
            .baseUrl(pd.baseUrl()).build();
        PoderoClient podero = SuiteClients.podero(po).build();
        PoderoClient poderoPassword = SuiteClients.podero(po).password(po.username(), po.password()).build();
        PolytomicClient polytomic = SuiteClients.polytomic(pt).build()) {
      Page<?> pandaDocPage = pandaDoc.users().list().pages().iterator().next();
      Page<?> poderoPage = podero.users().list().pages().iterator().next();
      List<Object> objects = List.of(datagrid, pandaDoc, pandaDocToken, podero, poderoPassword, polytomic,
          datagrid.options(), pandaDoc.options(), podero.options(), polytomic.options(),
          datagrid.options().authenticator(), pandaDocToken.options().authenticator(),
          podero.options().authenticator(), poderoPassword.options().authenticator(),
          datagrid.options().proxy().orElseThrow(),
          Credentials.bearer(dg.apiKey()), Credentials.apiKey("Authorization", "API-Key ", pd.apiKey()),
          OAuth2Credentials.clientCredentials(po.clientId(), po.clientSecret()).tokenUrl(po.tokenUrl()).build(),
          OAuth2Credentials.password(po.username(), po.password()).tokenUrl(po.tokenUrl()),
          ClientOptions.builder().baseUrl(dg.baseUrl()).authenticator(Credentials.bearer(dg.apiKey())),
          Environment.of(Map.of("DATAGRID_API_KEY", dg.apiKey(), "PODERO_CLIENT_SECRET", po.clientSecret())),
          pandaDocPage, poderoPage, datagrid.users().list(), podero.users().list());
      for (Object object : objects) {
        SuiteLedger.text("toString of " + object.getClass().getName(), object.toString());
      }
      List<String> leaks = SuiteLedger.scan();
      assertEquals(List.of(), leaks);
      assertTrue(SuiteLedger.summary().contains("secret leaks 0"));
    }
  }

  @Test
  void rejectedKeysAppearInNoExceptionMessage() {
    try (FakeDatagrid dg = FakeDatagrid.start(5)) {
      String wrongKey = "dg_live_wrong_0123456789abcdef";
      SuiteLedger.secret(wrongKey);
      try (DatagridClient client = SuiteClients.datagrid(dg).apiKey(wrongKey).build()) {
        SdkException e = assertThrows(UnauthorizedException.class, () -> client.users().list().toList());
        SuiteLedger.exception("Datagrid wrong key", e);
        assertEquals(401, ((UnauthorizedException) e).statusCode());
        assertTrue(e.getMessage().contains("Datagrid") && e.getMessage().contains("401"), e.getMessage());
      }
    }
  }

  @Test
  void cliDebugStackTracesHoldNoSecret() {
    try (FakePodero po = FakePodero.start(5)) {
      SuiteClients.watchTokens(po);
      String wrongSecret = "pcs_cli_wrong_secret_77aa";
      SuiteLedger.basicSecret(po.clientId(), wrongSecret);
      SuiteClients.CliRun run = SuiteClients.cli(Environment.of(Map.of(
          "PODERO_CLIENT_ID", po.clientId(), "PODERO_CLIENT_SECRET", wrongSecret,
          "PODERO_BASE_URL", po.baseUrl(), "PODERO_ORG_ID", po.orgId().toString())),
          "--debug", "list", "podero");
      assertEquals(1, run.exitCode(), run.err());
      assertTrue(run.err().contains(AuthenticationException.class.getName()), run.err());
      assertEquals(1, po.tokenRequestCount(), "no retry loop on refused credentials");
    }
  }
}
