package dev.saasusers.common.async;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.saasusers.common.async.PeopleStubs.pageBody;
import static dev.saasusers.common.async.PeopleStubs.pageRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.saasusers.common.client.RequestOptions;
import dev.saasusers.common.http.ClientListener;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Waiting on Retry-After in an async listing is a scheduled task, not a sleeping thread. */
class RetryWaitThreadsTest {
  private static final int LISTINGS = 50;
  private static final int RETRY_AFTER_SECONDS = 3;

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void fiftyListingsWaitingOnRetryAfterHoldNoThreads() throws Exception {
    PeopleStubs.servePeople(wm, 2); // the warm-up listing, without the header
    for (int i = 0; i < LISTINGS; i++) {
      String listing = String.valueOf(i);
      wm.stubFor(pageRequest(1).withHeader("X-Listing", equalTo(listing))
          .inScenario("listing-" + i).whenScenarioStateIs(STARTED)
          .willReturn(PeopleStubs.tooManyRequests(RETRY_AFTER_SECONDS)).willSetStateTo("ok"));
      wm.stubFor(pageRequest(1).withHeader("X-Listing", equalTo(listing))
          .inScenario("listing-" + i).whenScenarioStateIs("ok").willReturn(pageBody(1, 2)));
    }
    CountDownLatch waiting = new CountDownLatch(LISTINGS);
    ClientListener retries = new ClientListener() {
      @Override
      public void onRetryScheduled(RetryScheduled event) {
        waiting.countDown();
      }
    };
    try (PeopleClient client =
        PeopleClient.create(PeopleStubs.options(wm).addListener(retries).build())) {
      // Warm up the default pool and the transport so the baseline holds their threads.
      client.people().async().forEach(p -> { }).get(10, TimeUnit.SECONDS);
      int baseline = ManagementFactory.getThreadMXBean().getThreadCount();

      long start = System.nanoTime();
      List<List<String>> seen = new ArrayList<>();
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int i = 0; i < LISTINGS; i++) {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        seen.add(ids);
        PeopleClient tagged = client.withOptions(
            RequestOptions.builder().header("X-Listing", String.valueOf(i)).build());
        done.add(tagged.people().async().forEach(p -> ids.add(p.id())));
      }
      assertTrue(waiting.await(RETRY_AFTER_SECONDS, TimeUnit.SECONDS),
          "every listing got its 429 and scheduled a retry");
      Thread.sleep(300); // let the attempts that scheduled the retries return their threads

      Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
      long waitedSoFar = System.nanoTime() - start;
      long inSdk = threads.entrySet().stream()
          .filter(e -> e.getKey() != Thread.currentThread())
          .filter(e -> Arrays.stream(e.getValue())
              .anyMatch(frame -> frame.getClassName().startsWith("dev.saasusers.common.")))
          .count();
      int live = ManagementFactory.getThreadMXBean().getThreadCount();
      assertTrue(waitedSoFar < Duration.ofSeconds(RETRY_AFTER_SECONDS).toNanos(),
          "the snapshot was taken while the listings were still waiting");
      assertEquals(0, inSdk, "no thread is inside SDK code while 50 listings wait");
      assertTrue(live - baseline <= 12,
          "live threads grew by " + (live - baseline) + " for " + LISTINGS + " waiting listings");

      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
      assertTrue(System.nanoTime() - start >= Duration.ofSeconds(RETRY_AFTER_SECONDS).toNanos(),
          "the listings waited the Retry-After");
      for (List<String> ids : seen) {
        assertEquals(List.of("p1", "p2"), ids);
      }
    }
  }
}
