package dev.saasusers.common.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackoffGateTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  @Test
  void overlappingPausesDoNotAddUp() {
    BackoffGate gate = new BackoffGate();
    gate.pauseFor(Duration.ofSeconds(5));
    gate.pauseFor(Duration.ofSeconds(4));

    Duration remaining = gate.remainingPause();

    assertTrue(remaining.compareTo(Duration.ofSeconds(4)) > 0, remaining.toString());
    assertTrue(remaining.compareTo(Duration.ofSeconds(5)) <= 0, remaining.toString());
  }

  @Test
  void noGateOutsideAPageFetch() {
    assertEquals(Optional.empty(), BackoffGate.current());
  }

  @Test
  void a429OnOneParallelWorkerHoldsBackEveryFetchStartedAfterIt() {
    FakeUsers.numbered(wm, 120, 10, true);
    wm.stubFor(get(urlPathEqualTo("/pages")).withQueryParam("page", equalTo("3")).atPriority(1)
        .inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
        .willSetStateTo("served"));
    LoopbackApi api = new LoopbackApi(wm.baseUrl());
    Map<Integer, Long> lastSend = new ConcurrentHashMap<>();
    AtomicLong pauseStart = new AtomicLong();
    // What the HTTP core's retryer does on a 429: pause the run's gate, wait for it, retry.
    PageNumberPaging<JsonNode, String> fetcher = PageNumberPaging.of(
        page -> {
          lastSend.put(page, System.nanoTime());
          try {
            return api.get("/pages?page=" + page);
          } catch (LoopbackApi.StatusException e) {
            if (e.status != 429) {
              throw e;
            }
            BackoffGate gate = BackoffGate.current().orElseThrow();
            pauseStart.set(System.nanoTime());
            gate.pauseFor(Duration.ofSeconds(Long.parseLong(e.retryAfter)));
            try {
              gate.awaitOpen();
            } catch (InterruptedException interrupted) {
              Thread.currentThread().interrupt();
              throw e;
            }
            lastSend.put(page, System.nanoTime());
            return api.get("/pages?page=" + page);
          }
        },
        10, body -> LoopbackApi.ids(body, "results"), body -> body.get("total").numberValue());

    var users = PagedIterable.of("pandadoc", "page", fetcher).parallelism(4).toList();

    assertEquals(FakeUsers.ids(120), users);
    assertEquals(13, wm.getAllServeEvents().size());
    long openAt = pauseStart.get() + Duration.ofSeconds(1).toNanos();
    lastSend.forEach((page, sentAt) -> {
      if (sentAt > pauseStart.get()) {
        assertTrue(sentAt >= openAt, "page " + page + " was sent while the gate was closed");
      }
    });
    // Page 3 blocks delivery, so with 4 in flight pages 8+ can only start after the 429.
    for (int page = 8; page <= 12; page++) {
      assertTrue(lastSend.get(page) >= openAt, "page " + page);
    }
  }
}
