package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The leak detector itself: a scan that could never find anything would prove nothing. */
class SuiteLedgerTest {
  @Test
  void findsASecretPlainUrlEncodedAndInBasicAuth() {
    Set<String> forms = SuiteLedger.formsOf("client-1", "s3cret+/=value");
    String basic = Base64.getEncoder().encodeToString("client-1:s3cret+/=value".getBytes());

    assertEquals(1, SuiteLedger.leaksIn("log", "token=s3cret+/=value", forms).size());
    assertEquals(1, SuiteLedger.leaksIn("log", "client_secret=s3cret%2B%2F%3Dvalue", forms).size());
    assertEquals(1, SuiteLedger.leaksIn("log", "Authorization: Basic " + basic, forms).size());
    assertEquals(List.of(), SuiteLedger.leaksIn("log", "Authorization: Basic <redacted>", forms));
  }

  @Test
  void aLeakReportNeverRepeatsTheSecret() {
    List<String> leaks = SuiteLedger.leaksIn("stderr", "key dg_live_abcdef123", Set.of("dg_live_abcdef123"));
    assertTrue(leaks.get(0).contains("'dg_l'"), leaks.get(0));
    assertFalse(leaks.get(0).contains("dg_live_abcdef123"));
  }
}
