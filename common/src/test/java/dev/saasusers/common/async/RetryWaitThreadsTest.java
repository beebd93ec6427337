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
import dev.saasusers.common.http.VirtualTime;
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
    // Held: the scheduled retry waits pass only when the test advances the virtual clock.
    VirtualTime time = VirtualTime.create().holdScheduled();
    try (TrackedExecutor executor = new TrackedExecutor();
        PeopleClient client = PeopleClient.create(
            PeopleStubs.options(wm, time).addListener(retries).build())) {
      // Warm up the default pool and the transport so the baseline holds their threads.
      client.people().executor(executor).async().forEach(p -> { }).get(10, TimeUnit.SECONDS);
      int baseline = ManagementFactory.getThreadMXBean().getThreadCount();

      List<List<String>> seen = new ArrayList<>();
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int i = 0; i < LISTINGS; i++) {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        seen.add(ids);
        PeopleClient tagged = client.withOptions(
            RequestOptions.builder().header("X-Listing", String.valueOf(i)).build());
        done.add(tagged.people().executor(executor).async().forEach(p -> ids.add(p.id())));
      }
      executor.awaitIdle(); // every listing's first step has run and returned its thread
      // Each listing now waits once, holding no thread: on its own 429's Retry-After, or on the
      // client-wide pause that another listing's 429 started.
      assertEquals(LISTINGS, time.heldCount(), "every listing is waiting");
      assertTrue(waiting.getCount() < LISTINGS, "at least one listing got its 429");

      Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
      long inSdk = threads.entrySet().stream()
          .filter(e -> e.getKey() != Thread.currentThread())
          // the one shared attempt-deadline watchdog, parked: it belongs to no listing
          .filter(e -> !e.getKey().getName().equals("saasusers-deadline"))
          .filter(e -> Arrays.stream(e.getValue())
              .anyMatch(frame -> frame.getClassName().startsWith("dev.saasusers.common.")))
          .count();
      int live = ManagementFactory.getThreadMXBean().getThreadCount();
      assertTrue(done.stream().noneMatch(CompletableFuture::isDone),
          "the snapshot was taken while the listings were still waiting");
      assertEquals(0, inSdk, "no thread is inside SDK code while 50 listings wait");
      assertTrue(live - baseline <= 12,
          "live threads grew by " + (live - baseline) + " for " + LISTINGS + " waiting listings");

      CompletableFuture<Void> all = CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
      for (int round = 0; round < LISTINGS + 1 && !all.isDone(); round++) {
        time.advance(Duration.ofSeconds(RETRY_AFTER_SECONDS));
        executor.awaitIdle();
      }
      all.get(20, TimeUnit.SECONDS);
      assertEquals(0, waiting.getCount(), "each listing got its 429 and scheduled a retry");
      assertTrue(time.waits().stream()
              .filter(Duration.ofSeconds(RETRY_AFTER_SECONDS)::equals).count() >= LISTINGS,
          "each listing waited the Retry-After");
      for (List<String> ids : seen) {
        assertEquals(List.of("p1", "p2"), ids);
      }
    }
  }
}
