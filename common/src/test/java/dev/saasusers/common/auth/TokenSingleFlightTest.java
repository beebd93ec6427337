package dev.saasusers.common.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.Client;
import feign.Request;
import feign.RequestTemplate;
import java.net.URI;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many threads needing a token at the same moment cause one token request. */
class TokenSingleFlightTest {
  static final String TOKEN_PATH = "/api/partners/v2.0/auth/token";
  static final int THREADS = 50;

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
  }

  OAuth2Credentials bound() {
    return OAuth2Credentials.clientCredentials("abc", "s3cret").build()
        .withDefaultTokenUrl(TOKEN_PATH)
        .bind(new AuthContext(URI.create(wm.baseUrl()), new Client.Default(null, null),
            new Request.Options(), new ObjectMapper(), null, "podero"));
  }

  /** Starts every task at once behind a gate and returns their outcomes (value or exception). */
  List<Object> runTogether(Callable<Object> task) throws Exception {
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(pool.submit(() -> {
        ready.countDown();
        start.await();
        try {
          return task.call();
        } catch (RuntimeException e) {
          return e;
        }
      }));
    }
    assertTrue(ready.await(10, TimeUnit.SECONDS));
    start.countDown();
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> f : futures) {
      outcomes.add(f.get(20, TimeUnit.SECONDS));
    }
    return outcomes;
  }

  @Test
  void fiftyThreadsNeedingATokenAtOnceMakeExactlyOneTokenRequest() throws Exception {
    // The delay keeps the one request in flight while the other threads arrive.
    wm.stubFor(post(TOKEN_PATH).willReturn(aResponse().withFixedDelay(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"tok-shared\",\"expires_in\":3600}")));
    OAuth2Credentials auth = bound();

    List<Object> outcomes = runTogether(() -> {
      RequestTemplate template = new RequestTemplate();
      auth.apply(template);
      return List.copyOf(template.headers().get("Authorization"));
    });

    for (Object outcome : outcomes) {
      assertEquals(List.of("Bearer tok-shared"), outcome);
    }
    wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void aFailedRequestIsSharedTooAndEachThreadGetsItsOwnException() throws Exception {
    wm.stubFor(post(TOKEN_PATH).willReturn(aResponse().withFixedDelay(200).withStatus(400)
        .withBody("{\"error\":\"invalid_client\"}")));
    OAuth2Credentials auth = bound();

    List<Object> outcomes = runTogether(() -> {
      auth.apply(new RequestTemplate());
      return "unexpected success";
    });

    Map<Object, Boolean> distinct = new IdentityHashMap<>();
    for (Object outcome : outcomes) {
      AuthenticationException e = assertInstanceOf(AuthenticationException.class, outcome);
      assertEquals("invalid_client", e.oauthError().orElseThrow());
      distinct.put(e, true);
    }
    assertEquals(THREADS, distinct.size(), "no exception instance shared between threads");
    wm.verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }
}
