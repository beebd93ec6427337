package dev.saasusers.cli;

import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakePandaDoc;
import dev.saasusers.testing.FakePodero;
import dev.saasusers.testing.FakePolytomic;
import dev.saasusers.testing.FakeVendor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The four fake vendors, started once per test class, and each vendor's environment for the CLI. */
final class VendorFakes implements AutoCloseable {
  static final int USERS = 120;

  final FakePolytomic polytomic = FakePolytomic.start(USERS);
  final FakeDatagrid datagrid = FakeDatagrid.start(USERS);
  final FakePandaDoc pandadoc = FakePandaDoc.start(USERS);
  final FakePodero podero = FakePodero.start(USERS);

  FakeVendor fake(Vendor vendor) {
    return switch (vendor) {
      case POLYTOMIC -> polytomic;
      case DATAGRID -> datagrid;
      case PANDADOC -> pandadoc;
      case PODERO -> podero;
    };
  }

  /** The variables that list {@code vendor}'s fake: credentials and {@code *_BASE_URL}. */
  Map<String, String> env(Vendor vendor) {
    return switch (vendor) {
      case POLYTOMIC -> Map.of("POLYTOMIC_API_KEY", polytomic.apiKey(),
          "POLYTOMIC_ORG_ID", polytomic.orgId().toString(), "POLYTOMIC_BASE_URL", polytomic.baseUrl());
      case DATAGRID -> Map.of("DATAGRID_API_KEY", datagrid.apiKey(),
          "DATAGRID_BASE_URL", datagrid.baseUrl());
      case PANDADOC -> Map.of("PANDADOC_API_KEY", pandadoc.apiKey(),
          "PANDADOC_BASE_URL", pandadoc.baseUrl());
      case PODERO -> Map.of("PODERO_CLIENT_ID", podero.clientId(),
          "PODERO_CLIENT_SECRET", podero.clientSecret(), "PODERO_ORG_ID", podero.orgId().toString(),
          "PODERO_BASE_URL", podero.baseUrl());
    };
  }

  /** The ids a default listing returns: Podero leaves soft-deleted users out unless asked. */
  List<String> defaultListingIds(Vendor vendor) {
    List<String> ids = new ArrayList<>(fake(vendor).userIds());
    if (vendor == Vendor.PODERO) {
      ids.removeAll(podero.deletedUserIds());
    }
    return ids;
  }

  /** Every secret the fakes accept; none may ever be printed. */
  List<String> secrets() {
    return List.of(polytomic.apiKey(), datagrid.apiKey(), pandadoc.apiKey(), pandadoc.accessToken(),
        podero.clientSecret(), podero.password());
  }

  /** Forgets faults and served requests, so each test starts from a healthy vendor. */
  void reset() {
    for (Vendor v : Vendor.values()) {
      fake(v).faults().clear();
      fake(v).resetRequests();
    }
  }

  @Override
  public void close() {
    for (Vendor v : Vendor.values()) {
      fake(v).close();
    }
  }
}
