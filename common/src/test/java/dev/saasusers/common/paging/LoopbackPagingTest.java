package dev.saasusers.common.paging;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shared set-up of the paging tests: a loopback server, a client for it, and an own executor. */
abstract class LoopbackPagingTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  LoopbackApi api;
  /** Own executor, so requests are counted only once no background fetch can still send one. */
  ExecutorService pool;

  @BeforeEach
  void startClient() {
    api = new LoopbackApi(wm.baseUrl());
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void stopFetches() throws InterruptedException {
    pool.shutdownNow(); // fetches left in flight must not reach the next test's server log
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
  }

  <T> PagedIterable<T> listing(String vendor, String strategy, PageFetcher<T> fetcher) {
    return PagedIterable.of(vendor, strategy, fetcher).executor(pool);
  }

  int requestsAfterQuiet() throws InterruptedException {
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    return wm.getAllServeEvents().size();
  }
}
