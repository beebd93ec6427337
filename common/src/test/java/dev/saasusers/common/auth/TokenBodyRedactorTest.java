package dev.saasusers.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TokenBodyRedactorTest {

  @Test
  void masksSecretFormFieldsOnly() {
    assertEquals("grant_type=password&username=ann&password=***&client_secret=***&scope=a",
        TokenBodyRedactor.redact(
            "grant_type=password&username=ann&password=p%26w&client_secret=s&scope=a"));
  }

  @Test
  void masksSecretJsonMembersIncludingEscapedQuotes() {
    assertEquals("{\"access_token\" : \"***\",\"refresh_token\":\"***\",\"expires_in\":60,"
            + "\"scope\":\"read\"}",
        TokenBodyRedactor.redact("{\"access_token\" : \"a\\\"b\",\"refresh_token\":\"r\","
            + "\"expires_in\":60,\"scope\":\"read\"}"));
  }

  @Test
  void leavesOtherBodiesAlone() {
    assertEquals("{\"error\":\"invalid_client\"}",
        TokenBodyRedactor.redact("{\"error\":\"invalid_client\"}"));
    assertEquals("", TokenBodyRedactor.redact(""));
    assertNull(TokenBodyRedactor.redact(null));
  }
}
