package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.saasusers.common.client.VendorClient;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.polytomic.PolytomicClient;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakeFault;
import dev.saasusers.testing.FakePandaDoc;
import dev.saasusers.testing.FakePodero;
import dev.saasusers.testing.FakePolytomic;
import dev.saasusers.testing.FakeVendorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each fake points its vendor's builder at itself; the extension adds virtual time. */
class FakeClientBuilderTest {
  @RegisterExtension
  static final FakeVendorExtension<FakePolytomic> POLYTOMIC = FakeVendorExtension.of(() -> FakePolytomic.start(7));
  @RegisterExtension
  static final FakeVendorExtension<FakeDatagrid> DATAGRID = FakeVendorExtension.of(() -> FakeDatagrid.start(60));
  @RegisterExtension
  static final FakeVendorExtension<FakePandaDoc> PANDADOC =
      FakeVendorExtension.of(() -> FakePandaDoc.start(70), PandaDocClient::builder); // warmed
  @RegisterExtension
  static final FakeVendorExtension<FakePodero> PODERO =
      FakeVendorExtension.of(() -> FakePodero.start(5), PoderoClient::builder); // warmed: a token too

  @Test
  void everyFakeGivesItsVendorsBuilderCredentialsBaseUrlAndOrganization() {
    assertLists(POLYTOMIC.clientBuilder(PolytomicClient.builder()).build(), 7);
    assertLists(DATAGRID.clientBuilder(DatagridClient.builder()).build(), 60);
    assertLists(PANDADOC.clientBuilder(PandaDocClient.builder()).build(), 70);
    assertLists(PODERO.clientBuilder(PoderoClient.builder()).build(),
        5 - PODERO.fake().deletedUserIds().size());
  }

  @Test
  void aRateLimitWaitsOnTheTestsVirtualTime() {
    PANDADOC.fake().faults().next(FakeFault.RATE_LIMITED);

    assertLists(PANDADOC.clientBuilder(PandaDocClient.builder()).build(), 70);

    assertEquals(List.of(Duration.ofSeconds(1)), PANDADOC.time().waits());
  }

  @Test
  void eachTestStartsWithNoFaultsNoRequestsAndNoWaits() {
    // Whatever order the tests run in, this one sees a clean fake and a fresh clock: the
    // warm-up's 429 and requests (PandaDoc's extension warms its fake) are not in them.
    assertEquals(0, PANDADOC.fake().faults().injectedCount());
    assertEquals(0, PANDADOC.fake().requestCount());
    assertEquals(List.of(), PANDADOC.time().waits());
  }

  @Test
  void anotherVendorsBuilderIsRefusedNamingTheMissingVariable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DATAGRID.clientBuilder(PandaDocClient.builder()));

    assertEquals("environment variable PANDADOC_API_KEY or PANDADOC_ACCESS_TOKEN must be set",
        e.getMessage());
  }

  private static void assertLists(VendorClient<?, ?, ?, ?> client, int users) {
    try (client) {
      assertEquals(users, client.directoryUsers().stream().count(), client.vendorId());
    }
  }
}
