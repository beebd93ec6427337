package dev.saasusers.pandadoc.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasusers.common.client.RequestOptions;
import dev.saasusers.common.http.ApiIoException;
import dev.saasusers.pandadoc.PandaDocListUsersParams;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.pandadoc.model.PandaDocUser;
import dev.saasusers.testing.FakeFault;
import dev.saasusers.testing.FakePandaDoc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The async listing and per-call options through the real PandaDoc client, against its fake. */
class PandaDocAsyncListingTest {
  private FakePandaDoc fake;
  private PandaDocClient client;

  @BeforeEach
  void start() {
    fake = FakePandaDoc.start(120); // 3 pages of 50
    client = PandaDocClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
        .options(o -> o.initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(40)))
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  private List<String> asyncIds(PandaDocClient c, PandaDocListUsersParams params) throws Exception {
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    c.users().list(params).async().forEach(u -> ids.add(u.getUserId())).get(30, TimeUnit.SECONDS);
    return ids;
  }

  @Test
  void asyncDeliversTheSyncUsersUnderInjectedFaults() throws Exception {
    PandaDocListUsersParams params = PandaDocListUsersParams.defaults();
    List<String> sync = client.users().list(params).map(PandaDocUser::getUserId).toList();
    assertEquals(fake.userIds(), sync);

    fake.faults().retryAfter(Duration.ofSeconds(1)).everyRequestOnce(
        FakeFault.RATE_LIMITED, FakeFault.CONNECTION_RESET, FakeFault.SERVICE_UNAVAILABLE);
    List<String> async = asyncIds(client, params);
    assertEquals(sync, async);
    assertEquals(3, fake.faults().injectedCount(), "every page was faulted once and retried");
  }

  @Test
  void asyncResumesFromTheCheckpointOfAFinalFailure() throws Exception {
    PandaDocListUsersParams params = PandaDocListUsersParams.defaults();
    fake.faults().alwaysAfter(1, FakeFault.SERVICE_UNAVAILABLE);
    List<String> first = Collections.synchronizedList(new ArrayList<>());
    ExecutionException failed = assertThrows(ExecutionException.class, () -> client.users()
        .list(params).async().forEach(u -> first.add(u.getUserId())).get(30, TimeUnit.SECONDS));
    String checkpoint = ((dev.saasusers.common.http.SdkException) failed.getCause())
        .checkpoint().orElseThrow();

    fake.faults().clear();
    List<String> rest = Collections.synchronizedList(new ArrayList<>());
    client.users().list(params).resumeFrom(checkpoint).async()
        .forEach(u -> rest.add(u.getUserId())).get(30, TimeUnit.SECONDS);
    List<String> all = new ArrayList<>(first);
    all.addAll(rest);
    assertEquals(fake.userIds(), all, "every user exactly once across the failure");
  }

  @Test
  void perCallOptionsOnTheFacade() throws Exception {
    fake.faults().slowResponseDelay(Duration.ofSeconds(1)).always(FakeFault.SLOW_RESPONSE);
    PandaDocClient quick = client.withOptions(
        RequestOptions.builder().timeout(Duration.ofMillis(200)).maxRetries(0).build());
    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> asyncIds(quick, PandaDocListUsersParams.defaults()));
    assertInstanceOf(ApiIoException.class, failed.getCause());
    assertEquals(1, fake.requestCount(), "maxRetries(0) sent the request once");

    fake.faults().clear();
    PandaDocClient parallel = client.withOptions(RequestOptions.builder().parallelism(3).build());
    assertTrue(parallel.users().list().toString().contains("parallelism=3"));
    assertEquals(fake.userIds(),
        parallel.users().list().map(PandaDocUser::getUserId).toList());
  }
}
