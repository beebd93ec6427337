package dev.saasusers.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RedactionTest {
  private static final String M = Redaction.MASK;

  @Test
  void formBodiesOfTokenRequests() {
    assertEquals("grant_type=password&username=ann&password=" + M + "&client_secret=" + M,
        Redaction.redactForm("grant_type=password&username=ann&password=p%40ss&client_secret=abc"));
  }

  @Test
  void formsWithoutSecretNamesComeBackUnchangedAndSecretsAfterOddSeparatorsAreStillFound() {
    String plain = "limit=100&after=usr_9&a=b=c&x?y=1&#frag=2& spaced = 3";
    assertSame(plain, Redaction.redactForm(plain));
    // a value may hold '=' and '?', so a later name is only a name where the pattern sees one
    assertEquals("a=b?token=c", Redaction.redactForm("a=b?token=c"));
    assertEquals("a=b&token=" + M, Redaction.redactForm("a=b&token=c"));
    assertEquals("x\u000Bclient%5Fsecret=" + M, Redaction.redactForm("x\u000Bclient%5Fsecret=s"));
    assertEquals("q\tpassword=" + M + "&n=1", Redaction.redactForm("q\tpassword=p&n=1"));
  }

  @Test
  void jsonAtAnyDepthAndCutOff() {
    assertEquals("{\"access_token\":\"" + M + "\",\"expires_in\":3600,\"x\":{\"refresh_token\":\"" + M + "\"}}",
        Redaction.redactJson("{\"access_token\":\"a.b.c\",\"expires_in\":3600,\"x\":{\"refresh_token\":\"r\"}}"));
    assertEquals("{\"apiKey\":\"" + M + "\"", Redaction.redactJson("{\"apiKey\":\"abc"));
  }

  @Test
  void headersKeepTheScheme() {
    assertEquals("Bearer " + M, Redaction.redactHeader("Authorization", "Bearer xyz"));
    assertEquals("API-Key " + M, Redaction.redactHeader("authorization", "API-Key xyz"));
    assertEquals("Basic " + M, Redaction.redactHeader("Proxy-Authorization", "Basic dXNlcjpwdw=="));
    assertEquals(M, Redaction.redactHeader("X-Api-Key", "xyz"));
    assertEquals("application/json", Redaction.redactHeader("Accept", "application/json"));
  }

  @Test
  void urlQueryAndUserInfo() {
    assertEquals("https://" + M + "@h/p?limit=5&access_token=" + M,
        Redaction.redactUrl("https://u:pw@h/p?limit=5&access_token=t"));
  }
}
