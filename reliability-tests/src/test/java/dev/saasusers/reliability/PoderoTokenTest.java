package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasusers.common.auth.AuthenticationException;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.podero.model.UserOutput;
import dev.saasusers.testing.FakePodero;
import dev.saasusers.testing.ServedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Podero's OAuth2 tokens expire every second while 16 threads list on one client: one token
 * request per expiry, never one per thread; wrong credentials fail at once.
 */
@ExtendWith(SuiteLedger.class)
class PoderoTokenTest {
  private static final int THREADS = 16;
  private static final Duration LISTING = Duration.ofSeconds(4);

  /**
   * Tokens live 1 s (expires_in 1), so the client renews each at half-life. No request may meet
   * an expired token, and two token requests are never closer than a token's useful life: two
   * threads fetching for the same expiry would show up as a pair a few milliseconds apart.
   */
  @Test
  void shortLivedTokensAreRenewedOncePerExpiryBy16Threads() throws Exception {
    try (FakePodero fake = FakePodero.builder().users(300).tokenTtl(Duration.ofSeconds(1)).start();
        PoderoClient client = SuiteClients.podero(fake).build()) {
      Instant start = Instant.now();
      int listings = listConcurrently(client, fake, () -> Instant.now().isBefore(start.plus(LISTING)));
      Duration elapsed = Duration.between(start, Instant.now());

      List<Instant> tokenRequests = fake.requests().stream()
          .filter(r -> r.url().startsWith(FakePodero.TOKEN_PATH)).map(ServedRequest::receivedAt).toList();
      assertEquals(fake.tokenRequestCount(), tokenRequests.size());
      for (int i = 1; i < tokenRequests.size(); i++) {
        Duration gap = Duration.between(tokenRequests.get(i - 1), tokenRequests.get(i));
        assertTrue(gap.compareTo(Duration.ofMillis(400)) >= 0,
            "token requests " + (i - 1) + " and " + i + " only " + gap.toMillis() + " ms apart: "
                + "more than one request for one expiry");
      }
      // Renewed during the listing, and never more often than once per half-life.
      long seconds = elapsed.toSeconds();
      assertTrue(tokenRequests.size() >= 2 && tokenRequests.size() <= 2 * seconds + 2,
          tokenRequests.size() + " token requests in " + elapsed.toMillis() + " ms");
      assertEquals(listings, fake.requestCount() - tokenRequests.size(),
          "one users request per listing: no expired token was ever sent");
    }
  }

  /**
   * The server revokes every token each second (the client would keep them an hour): each
   * revocation costs exactly one token request, however many of the 16 threads meet the 401.
   */
  @Test
  void revokedTokensCostOneTokenRequestPerRevocationWith16Threads() throws Exception {
    try (FakePodero fake = FakePodero.builder().users(300).tokenTtl(Duration.ofHours(1)).start();
        PoderoClient client = SuiteClients.podero(fake).build()) {
      AtomicInteger revocations = new AtomicInteger();
      AtomicBoolean revoking = new AtomicBoolean(true);
      ScheduledExecutorService revoker = Executors.newSingleThreadScheduledExecutor();
      revoker.scheduleAtFixedRate(() -> {
        if (revoking.get()) {
          fake.expireTokens();
          revocations.incrementAndGet();
        }
      }, 1, 1, TimeUnit.SECONDS);
      try {
        listConcurrently(client, fake, () -> revocations.get() < LISTING.toSeconds());
      } finally {
        revoking.set(false);
        revoker.shutdown();
        assertTrue(revoker.awaitTermination(5, TimeUnit.SECONDS));
      }
      // Every revocation is followed by listings, so each one was noticed.
      AtomicInteger more = new AtomicInteger(THREADS);
      listConcurrently(client, fake, () -> more.getAndDecrement() > 0);
      assertEquals(1 + revocations.get(), fake.tokenRequestCount(),
          "token requests for " + revocations.get() + " revocations");
    }
  }

  @Test
  void wrongClientSecretFailsFastWithoutLoopOrSecret() {
    try (FakePodero fake = FakePodero.start(10)) {
      String wrongSecret = "pcs_wrong_" + "5f1c9a7e3b2d4c6a8e0f";
      SuiteLedger.basicSecret(fake.clientId(), wrongSecret);
      try (PoderoClient client = SuiteClients.podero(fake)
          .clientCredentials(fake.clientId(), wrongSecret).build()) {
        AuthenticationException e = assertThrows(AuthenticationException.class,
            () -> client.users().list().toList());
        SuiteLedger.exception("Podero wrong client secret", e);
        assertEquals(1, fake.tokenRequestCount(), "one token request, no loop");
        assertEquals(1, fake.requestCount(), "the users endpoint is never called");
        assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
        assertTrue(!e.getMessage().contains(wrongSecret) && !e.getMessage().contains(fake.clientSecret()));
      }
    }
  }

  @Test
  void wrongPasswordFailsFastWithoutLoopOrSecret() {
    try (FakePodero fake = FakePodero.start(10)) {
      String wrongPassword = "pw_not-the-right-one-42";
      SuiteLedger.secret(wrongPassword);
      try (PoderoClient client = SuiteClients.podero(fake)
          .password(fake.username(), wrongPassword).build()) {
        AuthenticationException e = assertThrows(AuthenticationException.class,
            () -> client.users().list().toList());
        SuiteLedger.exception("Podero wrong password", e);
        assertEquals(1, fake.tokenRequestCount(), "one token request, no loop");
        assertEquals(1, fake.requestCount(), "the users endpoint is never called");
        assertTrue(!e.getMessage().contains(wrongPassword) && !e.getMessage().contains(fake.password()));
      }
    }
  }

  /** 16 threads list the organization while {@code more} says so; returns the listings made. */
  private static int listConcurrently(PoderoClient client, FakePodero fake, java.util.function.BooleanSupplier more)
      throws Exception {
    List<String> expected = new ArrayList<>(fake.userIds());
    expected.removeAll(fake.deletedUserIds());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicInteger listings = new AtomicInteger();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          while (more.getAsBoolean()) {
            List<String> ids = client.users().list().stream().map(UserOutput::getId).map(String::valueOf).toList();
            SuiteLedger.checkUsers("Podero listing under token expiry", ids, expected);
            listings.incrementAndGet();
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    return listings.get();
  }
}
