package dev.saasusers.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The path that events and DEBUG lines show: path and query only, secrets masked. */
class ObservedPathTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://127.0.0.1:8080/organization/users?limit=100&after=usr_9 | /organization/users?limit=100&after=usr_9",
      "https://api.example.com/v1/users?access_token=abc#frag | /v1/users?access_token=" + Redaction.MASK,
      "https://user:pw@api.example.com/v1/users | /v1/users",
      "http://localhost | /",
      "http://localhost?page=2 | /?page=2",
      "/relative/path?x=1 | /relative/path?x=1"})
  void keepsPathAndQueryWithoutSecrets(String url, String expected) {
    assertEquals(expected, ObservedTransport.pathOf(url));
  }
}
