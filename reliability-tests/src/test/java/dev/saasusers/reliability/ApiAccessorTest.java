package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasusers.common.client.RequestOptions;
import dev.saasusers.common.client.VendorClient;
import dev.saasusers.common.http.RawResponse;
import dev.saasusers.common.http.ServerException;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.api.DatagridApi;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.pandadoc.api.PandaDocApi;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.podero.api.PoderoApi;
import dev.saasusers.polytomic.PolytomicClient;
import dev.saasusers.polytomic.api.PolytomicApi;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakeFault;
import dev.saasusers.testing.FakePandaDoc;
import dev.saasusers.testing.FakePodero;
import dev.saasusers.testing.FakePolytomic;
import dev.saasusers.testing.FakeVendor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code client.api()} on every vendor: the generated interface runs through the client's
 * runtime (the fakes answer 401 to anything without the right credentials), retries by the
 * client's rules, returns the raw response from the {@code WithHttpInfo} form, and a client from
 * {@code withOptions(...)} applies its options to it.
 */
@ExtendWith(SuiteLedger.class)
class ApiAccessorTest {
  private static final RequestOptions NO_RETRIES = RequestOptions.builder().maxRetries(0).build();

  /** One list call through the accessor: retried once past a 503; the derived client does not retry. */
  private static <A> void checkAccessor(FakeVendor fake, VendorClient<A, ?, ?, ?> client,
      VendorClient<A, ?, ?, ?> noRetries, Function<A, RawResponse<?>> listUsers) {
    fake.faults().next(FakeFault.SERVICE_UNAVAILABLE);
    RawResponse<?> raw = listUsers.apply(client.api());
    assertEquals(200, raw.statusCode());
    assertTrue(fake.retryOf(fake.faults().injected().get(0)).isPresent(), "the 503 was retried");

    fake.faults().next(FakeFault.SERVICE_UNAVAILABLE);
    ServerException e = assertThrows(ServerException.class, () -> listUsers.apply(noRetries.api()));
    assertEquals(1, e.attempts(), "withOptions(maxRetries 0) applies to api()");
  }

  @Test
  void datagrid() {
    try (FakeDatagrid fake = FakeDatagrid.start(30)) {
      DatagridClient client = SuiteClients.datagrid(fake).build();
      checkAccessor(fake, client, client.withOptions(NO_RETRIES),
          api -> api.listUsersWithHttpInfo(new DatagridApi.ListUsersQueryParams().limit(10)));
    }
  }

  @Test
  void pandaDoc() {
    try (FakePandaDoc fake = FakePandaDoc.start(30)) {
      PandaDocClient client = SuiteClients.pandaDoc(fake).build();
      checkAccessor(fake, client, client.withOptions(NO_RETRIES),
          api -> api.listUsersWithHttpInfo(new PandaDocApi.ListUsersQueryParams().count(10).page(1)));
    }
  }

  @Test
  void podero() {
    try (FakePodero fake = FakePodero.start(30)) {
      PoderoClient client = SuiteClients.podero(fake).build();
      java.util.UUID org = fake.orgId();
      checkAccessor(fake, client, client.withOptions(NO_RETRIES),
          api -> api.listUsersWithHttpInfo(org, new PoderoApi.ListUsersQueryParams()));
    }
  }

  @Test
  void polytomic() {
    try (FakePolytomic fake = FakePolytomic.start(30)) {
      PolytomicClient client = SuiteClients.polytomic(fake).build();
      java.util.UUID org = fake.orgId();
      checkAccessor(fake, client, client.withOptions(NO_RETRIES),
          api -> api.listUsersWithHttpInfo(org, new PolytomicApi.ListUsersQueryParams()));
    }
  }
}
