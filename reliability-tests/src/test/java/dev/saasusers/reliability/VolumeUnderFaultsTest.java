package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.model.OrganizationUser;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.pandadoc.model.PandaDocUser;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakeFault;
import dev.saasusers.testing.FakePandaDoc;
import dev.saasusers.testing.FakeVendor;
import dev.saasusers.testing.InjectedFault;
import dev.saasusers.testing.ServedRequest;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 10,000 users per vendor while every page request meets one fault of the full schedule (both
 * 429 forms, 500/502/503/504, reset before and mid-body, empty reply, truncated JSON, read
 * timeout) and its retry succeeds: every user exactly once, every Retry-After honoured, and no
 * request beyond pages + faults.
 */
@ExtendWith(SuiteLedger.class)
class VolumeUnderFaultsTest {
  private static final int USERS = 10_000;
  /** A retry may come this much before the instant the Retry-After named (clock granularity). */
  private static final Duration TOLERANCE = Duration.ofMillis(50);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void datagridWithPrefetchDeliversEveryUserOnceThroughEveryFault() {
    try (FakeDatagrid fake = FakeDatagrid.start(USERS)) {
      schedule(fake);
      AtomicInteger retries = new AtomicInteger();
      List<String> ids = new ArrayList<>();
      try (DatagridClient client = SuiteClients.datagrid(fake).readTimeout(SuiteClients.READ_TIMEOUT)
          .addListener(retryCounter(retries)).build()) {
        for (OrganizationUser user : client.users().list(
            dev.saasusers.datagrid.DatagridListUsersParams.defaults().withPageSize(100)).prefetch(2)) {
          ids.add(user.getId());
        }
      }
      SuiteLedger.faultsOf(fake);
      SuiteLedger.checkUsers("Datagrid 10,000 with prefetch", ids, fake.userIds());
      assertFaultsRetried(fake, USERS / 100, retries.get(), true);
    }
  }

  @Test
  void pandaDocParallelWithPrefetchDeliversEveryUserOnceThroughEveryFault() {
    try (FakePandaDoc fake = FakePandaDoc.start(USERS)) {
      schedule(fake);
      AtomicInteger retries = new AtomicInteger();
      List<String> ids = new ArrayList<>();
      try (PandaDocClient client = SuiteClients.pandaDoc(fake).readTimeout(SuiteClients.READ_TIMEOUT)
          .addListener(retryCounter(retries)).build()) {
        for (PandaDocUser user : client.users().list(dev.saasusers.pandadoc.PandaDocListUsersParams.defaults()
            .withPageSize(50)).parallelism(4).prefetch(2)) {
          ids.add(user.getUserId());
        }
      }
      SuiteLedger.faultsOf(fake);
      SuiteLedger.checkUsers("PandaDoc 10,000 parallel 4 with prefetch", ids, fake.userIds());
      assertFaultsRetried(fake, USERS / 50, retries.get(), true);
    }
  }

  @Test
  void cliListsEveryUserOnceThroughEveryFault() {
    // The CLI keeps its 60 s read timeout: a slow response is waited for, not retried.
    try (FakePandaDoc fake = FakePandaDoc.start(2_000)) {
      schedule(fake);
      SuiteClients.CliRun run = SuiteClients.cli(SuiteClients.pandaDocEnv(fake),
          "list", "pandadoc", "--format", "jsonl", "--page-size", "50", "--parallel", "4");
      assertEquals(0, run.exitCode(), run.err());
      SuiteLedger.faultsOf(fake);
      SuiteLedger.checkUsers("users-cli list pandadoc --parallel 4", idsOf(run.out(), "user_id"), fake.userIds());
      assertFaultsRetried(fake, 2_000 / 50, -1, false);
    }
  }

  private static void schedule(FakeVendor fake) {
    fake.faults().everyRequestOnce(FakeFault.values()).slowResponseDelay(Duration.ofMillis(1_200));
  }

  private static ClientListener retryCounter(AtomicInteger retries) {
    return new ClientListener() {
      @Override
      public void onRetryScheduled(RetryScheduled event) {
        retries.incrementAndGet();
      }
    };
  }

  /**
   * Every fault kind was injected; each faulted request was retried (a slow response only when
   * the client timed out), after at least its Retry-After; and the server saw no request beyond
   * one per page plus one per fault.
   */
  private static void assertFaultsRetried(FakeVendor fake, int pages, int clientRetries, boolean timeoutRetried) {
    List<InjectedFault> injected = fake.faults().injected();
    Set<FakeFault> kinds = injected.stream().map(InjectedFault::fault)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(FakeFault.class)));
    assertEquals(EnumSet.allOf(FakeFault.class), kinds, "every fault kind injected");
    int expectedRetries = 0;
    for (InjectedFault fault : injected) {
      boolean retried = fault.fault() != FakeFault.SLOW_RESPONSE || timeoutRetried;
      var retry = fake.retryOf(fault);
      if (!retried) {
        continue;
      }
      expectedRetries++;
      assertTrue(retry.isPresent(), "no retry of " + fault);
      ServedRequest again = retry.get();
      assertTrue(again.fault().isEmpty(), "the retry of " + fault + " was faulted too");
      if (fault.fault().isRateLimit()) {
        assertTrue(!again.receivedAt().isBefore(fault.retryNotBefore().minus(TOLERANCE)),
            () -> fault.fault() + " retried at " + again.receivedAt() + ", before Retry-After allowed "
                + fault.retryNotBefore());
      }
    }
    if (clientRetries >= 0) {
      // The JDK client itself resends an idempotent GET once when a pooled connection closes
      // before any response byte; the SDK then sees no failure and spends no retry.
      long transportRetried = injected.stream().filter(f -> f.fault() == FakeFault.CONNECTION_RESET
          || f.fault() == FakeFault.EMPTY_REPLY).count();
      int sdkRetries = clientRetries;
      int faults = expectedRetries;
      assertTrue(sdkRetries <= faults && sdkRetries >= faults - transportRetried,
          () -> "SDK retries " + sdkRetries + " for " + faults + " faults, " + transportRetried
              + " of which the transport may resend itself");
    }
    assertTrue(fake.requestCount() <= pages + injected.size(),
        () -> fake.requestCount() + " requests for " + pages + " pages and " + injected.size() + " faults");
    assertEquals(pages, fake.requests().stream().map(ServedRequest::url).distinct().count(),
        "distinct pages requested");
  }

  static List<String> idsOf(String jsonLines, String field) {
    List<String> ids = new ArrayList<>();
    for (String line : jsonLines.split("\\R")) {
      if (!line.isBlank()) {
        try {
          ids.add(JSON.readTree(line).get(field).asText());
        } catch (java.io.IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return ids;
  }
}
