package dev.saasusers.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

  private static String refused(ClientOptions.Builder builder) {
    return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
  }

  @Test
  void defaultsFollowTheAnchors() {
    ClientOptions o = ClientOptions.builder().baseUrl("https://api.example.com/v1/").build();
    assertEquals("https://api.example.com/v1", o.baseUrl().toString());
    assertEquals(Duration.ofSeconds(10), o.connectTimeout());
    assertEquals(Duration.ofSeconds(60), o.readTimeout());
    assertEquals(2, o.maxRetries());
    assertEquals(Duration.ofMillis(500), o.initialBackoff());
    assertEquals(Duration.ofSeconds(8), o.maxBackoff());
    assertEquals(Duration.ofSeconds(60), o.maxRetryAfter());
    assertEquals(0.0, o.requestsPerSecond());
    assertFalse(o.allowInsecureHttp());
    assertEquals(32L * 1024 * 1024, o.maxResponseBytes());
    assertTrue(o.proxy().isEmpty() && o.transport().isEmpty() && o.httpClient().isEmpty());
  }

  @Test
  void missingOrBadBaseUrlIsRefused() {
    assertEquals("baseUrl is missing", refused(ClientOptions.builder()));
    assertTrue(refused(ClientOptions.builder().baseUrl("not a url")).startsWith("baseUrl is not a URL: "));
    assertTrue(refused(ClientOptions.builder().baseUrl("ftp://example.com")).startsWith("baseUrl is not a URL: "));
    assertTrue(refused(ClientOptions.builder().baseUrl("https://u:pw@example.com"))
        .contains("must not contain credentials"));
  }

  @Test
  void plainHttpOnlyToLoopbackUnlessAllowed() {
    assertTrue(refused(ClientOptions.builder().baseUrl("http://api.example.com"))
        .contains("allowInsecureHttp"));
    ClientOptions.builder().baseUrl("http://localhost:8080").build();
    ClientOptions.builder().baseUrl("http://127.0.0.1:8080").build();
    ClientOptions.builder().baseUrl("http://[::1]:8080").build();
    ClientOptions.builder().baseUrl("http://api.example.com").allowInsecureHttp(true).build();
  }

  @Test
  void headerWithLineBreakIsRefused() {
    assertEquals("header X-Team value contains CR or LF", refused(ClientOptions.builder()
        .baseUrl("https://api.example.com").header("X-Team", "a\r\nX-Injected: 1")));
    assertTrue(refused(ClientOptions.builder().baseUrl("https://api.example.com")
        .header("X-Bad\nName", "v")).startsWith("header name is not a valid HTTP token"));
    assertTrue(refused(ClientOptions.builder().baseUrl("https://api.example.com")
        .userAgentSuffix("app/1\n")).startsWith("userAgentSuffix"));
  }

  @Test
  void negativeNumbersAreRefusedByName() {
    ClientOptions.Builder b = ClientOptions.builder().baseUrl("https://api.example.com");
    assertTrue(refused(b.toString().isEmpty() ? b : b.maxRetries(-1)).startsWith("maxRetries"));
    b.maxRetries(2);
    assertTrue(refused(b.connectTimeout(Duration.ofSeconds(-1))).startsWith("connectTimeout"));
    b.connectTimeout(Duration.ofSeconds(1));
    assertTrue(refused(b.readTimeout(Duration.ZERO)).startsWith("readTimeout"));
    b.readTimeout(Duration.ofSeconds(1));
    assertTrue(refused(b.requestsPerSecond(-2)).startsWith("requestsPerSecond"));
  }

  @Test
  void toStringHidesSecrets() {
    ClientOptions o = ClientOptions.builder().baseUrl("https://api.example.com")
        .header("X-Api-Key", "key-secret-123")
        .proxy(ProxySettings.of("proxy.local", 3128).withCredentials("svc", "proxy-pw-456"))
        .build();
    String text = o.toString();
    assertFalse(text.contains("key-secret-123"), text);
    assertFalse(text.contains("proxy-pw-456"), text);
    assertTrue(text.contains("X-Api-Key") && text.contains("proxy.local:3128"), text);
  }

  @Test
  void toBuilderRoundTrips() {
    ClientOptions o = ClientOptions.builder().baseUrl("https://api.example.com").maxRetries(5)
        .header("X-A", "1").requestsPerSecond(3).build();
    ClientOptions copy = o.toBuilder().build();
    assertEquals(o.toString(), copy.toString());
  }
}
