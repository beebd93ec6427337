package com.example.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.common.user.DirectoryUsers;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakeFault;
import dev.saasusers.testing.FakePodero;
import dev.saasusers.testing.FakeVendorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a user writes in five minutes: fakes from the testing module, no real waits. Each
 * extension starts and warms its fake once per class, so each test measures only its own calls.
 */
class RateLimitTest {
  @RegisterExtension
  static final FakeVendorExtension<FakeDatagrid> DATAGRID =
      FakeVendorExtension.of(() -> FakeDatagrid.start(120), DatagridClient::builder);

  @RegisterExtension
  static final FakeVendorExtension<FakePodero> PODERO =
      FakeVendorExtension.of(() -> FakePodero.start(10), PoderoClient::builder);

  @Test
  void aRateLimitedPageIsRetriedAfterItsRetryAfterOnVirtualTime() {
    DATAGRID.fake().faults().next(FakeFault.RATE_LIMITED);   // the next request gets a 429

    try (DatagridClient client = DATAGRID.clientBuilder(DatagridClient.builder()).build()) {
      assertEquals(120, client.users().list().stream().count());
    }

    assertEquals(List.of(Duration.ofSeconds(1)), DATAGRID.time().waits(), "waited Retry-After, virtually");
    assertEquals(1, DATAGRID.fake().faults().injectedCount(FakeFault.RATE_LIMITED));
    assertEquals(3 + 1, DATAGRID.fake().requestCount(), "three pages of 50, the first one twice");
  }

  @Test
  void bothVendorsListAsOneDirectory() {
    try (DatagridClient datagrid = DATAGRID.clientBuilder(DatagridClient.builder()).build();
        PoderoClient podero = PODERO.clientBuilder(PoderoClient.builder()).build()) {
      List<DirectoryUser> everyone = DirectoryUsers.of(datagrid, podero).stream().toList();

      int activePodero = PODERO.fake().userCount() - PODERO.fake().deletedUserIds().size();
      assertEquals(120 + activePodero, everyone.size());
    }
  }
}
