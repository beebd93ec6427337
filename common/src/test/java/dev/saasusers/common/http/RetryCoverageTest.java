package dev.saasusers.common.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.saasusers.common.http.WireMockSupport.OK_BODY;
import static dev.saasusers.common.http.WireMockSupport.api;
import static dev.saasusers.common.http.WireMockSupport.options;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every retried status, the read timeout, and the caller's own JDK client and executor. */
class RetryCoverageTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockSupport.server();

  private void failOnceThenOk(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
    wm.stubFor(get("/items").inScenario("retry").whenScenarioStateIs(STARTED)
        .willReturn(first).willSetStateTo("ok"));
    wm.stubFor(get("/items").inScenario("retry").whenScenarioStateIs("ok")
        .willReturn(okJson(OK_BODY)));
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void eachRetriedStatusIsRetriedThenSucceeds(int status) {
    failOnceThenOk(aResponse().withStatus(status));

    assertEquals("alice", api(options(wm).build()).listItems().name());
    wm.verify(2, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void readTimeoutIsRetriedThenSucceeds() {
    failOnceThenOk(okJson(OK_BODY).withFixedDelay(1_500));

    TestApi.Item item = api(options(wm).readTimeout(Duration.ofMillis(300)).build()).listItems();

    assertEquals(1, item.id());
    wm.verify(2, getRequestedFor(urlEqualTo("/items")));
  }

  @Test
  void readTimeoutOnEveryAttemptEndsAsApiIoException() {
    wm.stubFor(get("/items").willReturn(okJson(OK_BODY).withFixedDelay(1_000)));

    ApiIoException e = assertThrows(ApiIoException.class, () ->
        api(options(wm).readTimeout(Duration.ofMillis(200)).maxRetries(1).build()).listItems());

    assertTrue(e.getMessage().contains("listItems"), e.getMessage());
  }

  @Test
  void callersJdkClientAndExecutorAreUsed() {
    wm.stubFor(get("/items").willReturn(okJson(OK_BODY)));
    AtomicInteger tasks = new AtomicInteger();
    Executor pool = Executors.newCachedThreadPool();
    Executor counting = task -> {
      tasks.incrementAndGet();
      pool.execute(task);
    };

    api(options(wm).executor(counting).build()).listItems();
    int viaOptions = tasks.getAndSet(0);
    HttpClient own = HttpClient.newBuilder().executor(counting).build();
    api(options(wm).httpClient(own).build()).listItems();

    assertTrue(viaOptions > 0, "the executor option did not reach the JDK client");
    assertTrue(tasks.get() > 0, "the caller's HttpClient was not used");
  }
}
