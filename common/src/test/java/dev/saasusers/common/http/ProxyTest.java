package dev.saasusers.common.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.config.ProxySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests go through the configured HTTP proxy, which answers them here itself: the target host
 * never resolves, so nothing leaves loopback.
 */
class ProxyTest {
  @RegisterExtension
  static WireMockExtension proxy = WireMockSupport.server();

  private static final String TARGET = "http://api.vendor.invalid";

  private ClientOptions.Builder viaProxy(ProxySettings settings) {
    return ClientOptions.builder().baseUrl(TARGET).allowInsecureHttp(true).maxRetries(0)
        .proxy(settings);
  }

  @Test
  void sendsRequestsThroughTheProxy() {
    proxy.stubFor(get("/items").withHeader("Host", equalTo("api.vendor.invalid"))
        .willReturn(okJson(WireMockSupport.OK_BODY)));

    TestApi.Item item = WireMockSupport.api(
        viaProxy(ProxySettings.of("127.0.0.1", proxy.getPort())).build()).listItems();

    assertEquals("alice", item.name());
    proxy.verify(1, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void answersTheProxysChallengeWithItsCredentials() {
    proxy.stubFor(get("/items").atPriority(2).willReturn(aResponse().withStatus(407)
        .withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
    proxy.stubFor(get("/items").atPriority(1)
        .withHeader("Proxy-Authorization", equalTo("Basic cHJveHktdXNlcjpwcm94eS1wYXNz"))
        .willReturn(okJson(WireMockSupport.OK_BODY)));
    ProxySettings settings = ProxySettings.of("127.0.0.1", proxy.getPort())
        .withCredentials("proxy-user", "proxy-pass");

    TestApi.Item item = WireMockSupport.api(viaProxy(settings).build()).listItems();

    assertEquals(1, item.id());
    proxy.verify(getRequestedFor(urlEqualTo("/items"))
        .withHeader("Proxy-Authorization", equalTo("Basic cHJveHktdXNlcjpwcm94eS1wYXNz")));
    assertFalse(settings.toString().contains("proxy-pass"), settings::toString);
  }
}
