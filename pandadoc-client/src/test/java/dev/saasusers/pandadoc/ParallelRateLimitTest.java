package dev.saasusers.pandadoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasusers.common.http.ClientListener;
import dev.saasusers.pandadoc.model.PandaDocUser;
import dev.saasusers.testing.FakeFault;
import dev.saasusers.testing.FakePandaDoc;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A 429 on one worker of a parallel listing pauses the whole window for the Retry-After, end to
 * end through the client's retryer (not each worker on its own).
 */
class ParallelRateLimitTest {

  @Test
  void aRateLimitOnOneWorkerPausesEveryWorker() {
    try (FakePandaDoc fake = FakePandaDoc.builder().users(200).start()) {
      // Every page takes 300 ms, but the 429 comes back at once: the client learns of it while
      // the other workers' pages are still on their way.
      fake.faults().retryAfter(Duration.ofSeconds(1)).slowResponseDelay(Duration.ofMillis(300))
          .always(FakeFault.SLOW_RESPONSE);
      AtomicBoolean armed = new AtomicBoolean();
      AtomicReference<Instant> retryScheduledAt = new AtomicReference<>();
      // Once the second page is in, the third request after it (the newest page of the next
      // window) meets the 429, so the pages before it can finish and move the window on.
      ClientListener armAndWatch = new ClientListener() {
        @Override
        public void onPageDelivered(PageDelivered event) {
          if (event.pageIndex() == 1 && armed.compareAndSet(false, true)) {
            fake.faults().next(FakeFault.SLOW_RESPONSE, FakeFault.SLOW_RESPONSE,
                FakeFault.RATE_LIMITED);
          }
        }

        @Override
        public void onRetryScheduled(RetryScheduled event) {
          retryScheduledAt.compareAndSet(null, Instant.now());
        }
      };
      List<PandaDocUser> users;
      try (PandaDocClient client = PandaDocClient.builder().baseUrl(fake.baseUrl())
          .apiKey(fake.apiKey()).addListener(armAndWatch).build()) {
        users = client.users()
            .list(PandaDocListUsersParams.defaults().withPageSize(10)).parallelism(4).toList();
      }

      assertEquals(fake.userIds(), users.stream().map(PandaDocUser::getUserId).toList());
      assertEquals(1, fake.faults().injectedCount(FakeFault.RATE_LIMITED));
      // From the moment the client has the 429 (its retry event), no worker may start a fetch
      // until the Retry-After has passed; a fetch already past the gate lands within a few ms.
      // Without the shared wait, the other workers' next pages would land in this stretch.
      Instant limited = retryScheduledAt.get();
      Instant quietFrom = limited.plusMillis(50);
      Instant quietUntil = limited.plus(fake.faults().retryAfter()).minusMillis(100);
      long insideTheWait = fake.requests().stream()
          .filter(r -> r.receivedAt().isAfter(quietFrom) && r.receivedAt().isBefore(quietUntil))
          .count();
      assertEquals(0, insideTheWait, "requests sent while the window should wait: "
          + fake.requests());
      assertTrue(fake.requests().size() >= 21, "20 pages and the retry of the limited one");
    }
  }
}
