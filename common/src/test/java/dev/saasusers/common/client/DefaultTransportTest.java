package dev.saasusers.common.client;

import dev.saasusers.common.http.ApiDecodeException;
import dev.saasusers.common.http.ApiIoException;
import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.http.TestApi;
import dev.saasusers.common.http.WireMockSupport;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.saasusers.common.http.WireMockSupport.api;
import static dev.saasusers.common.http.WireMockSupport.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.config.ProxySettings;
import feign.Client;
import feign.http2client.Http2Client;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The measured default transport (HttpURLConnection) and when the JDK client is used instead. */
class DefaultTransportTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockSupport.server();

  @Test
  void defaultIsFeignsHttpUrlConnectionClientMadeByThePipeline() {
    // null: the pipeline makes Feign's Client.Default itself, to cut it off at the deadline
    assertNull(Transports.transportFor(options(wm).build()));
  }

  @Test
  void proxyOrExecutorKeepsTheJdkClient() {
    ClientOptions proxied = options(wm).proxy(ProxySettings.of("127.0.0.1", 3128)).build();
    assertInstanceOf(Http2Client.class, Transports.transportFor(proxied));
    ClientOptions withExecutor = options(wm).executor(Executors.newSingleThreadExecutor()).build();
    assertInstanceOf(Http2Client.class, Transports.transportFor(withExecutor));
  }

  @Test
  void readTimeoutFailsAsApiIoExceptionOnTheDefault() {
    wm.stubFor(get("/items").willReturn(okJson("{\"id\":1,\"name\":\"alice\"}").withFixedDelay(3000)));
    ApiIoException e = assertThrows(ApiIoException.class, () -> api(options(wm)
        .readTimeout(Duration.ofMillis(200)).maxRetries(0).build()).listItems());
    assertTrue(e.getMessage().toLowerCase().contains("timed out") || e.getCause() != null, e.getMessage());
    wm.verify(1, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void bodyShorterThanContentLengthIsAnIoFailureNotData() {
    wm.stubFor(get("/items").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withHeader("Content-Length", "100")
        .withBody("{\"id\":1,\"name\":\"al")));
    SdkException e = assertThrows(SdkException.class,
        () -> api(options(wm).maxRetries(1).initialBackoff(Duration.ofMillis(10)).build()).listItems());
    assertTrue(e instanceof ApiIoException || e instanceof ApiDecodeException, e.getClass().getName());
    assertEquals(2, wm.findAll(getRequestedFor(urlEqualTo("/items"))).size());
  }
}
