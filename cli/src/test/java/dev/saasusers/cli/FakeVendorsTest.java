package dev.saasusers.cli;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the CLI's end-to-end tests share: the four fake vendors on loopback, started once
 * per test class and healthy again before each test, and {@code users-cli list} run in-process.
 */
abstract class FakeVendorsTest {
  static VendorFakes fakes;

  @BeforeAll
  static void startFakes() {
    fakes = new VendorFakes();
  }

  @AfterAll
  static void stopFakes() {
    fakes.close();
  }

  @BeforeEach
  void healthyVendors() {
    fakes.reset();
  }

  /** Runs {@code users-cli list <vendor> <more...>} with the vendor's fake environment. */
  static CliRun list(Vendor vendor, String... more) {
    List<String> args = new ArrayList<>(List.of("list", vendor.id()));
    args.addAll(List.of(more));
    return CliRun.of(fakes.env(vendor), args.toArray(String[]::new));
  }
}
