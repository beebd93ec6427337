package dev.saasusers.spectools;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each hand-made next version of a vendor spec (src/test/resources/evolved, listed in
 * fixtures.tsv) is classified as expected by SpecDiff and by RequireOperations. The full
 * regeneration of each fixture is scripts/check-evolved-specs.
 */
class EvolvedSpecsTest {

  private static final Path EVOLVED =
      ProjectFiles.root().resolve("spec-tools/src/test/resources/evolved");

  record Fixture(String vendor, String file, String change, boolean breaking, boolean requirePasses) {
    Path path() {
      return EVOLVED.resolve(vendor).resolve(file);
    }

    /** The spec the fixture was derived from: a copy, so that updating specs/ keeps this test. */
    Path base() {
      return EVOLVED.resolve(vendor).resolve("base" + file.substring(file.lastIndexOf('.')));
    }

    @Override
    public String toString() {
      return vendor + ": " + change;
    }
  }

  static List<Fixture> fixtures() throws IOException {
    return Files.readAllLines(EVOLVED.resolve("fixtures.tsv")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("\t"))
        .map(f -> new Fixture(f[0], f[1], f[2], expect(f[3], "breaking", "compatible"),
            expect(f[4], "pass", "fail")))
        .toList();
  }

  private static boolean expect(String value, String yes, String no) {
    if (!value.equals(yes) && !value.equals(no)) {
      throw new IllegalArgumentException("fixtures.tsv: '" + value + "' is neither " + yes + " nor " + no);
    }
    return value.equals(yes);
  }

  static Stream<Arguments> cases() throws IOException {
    return fixtures().stream().map(Arguments::of);
  }

  @Test
  void everyVendorHasFixturesForTheListedChanges() throws IOException {
    for (String vendor : List.of("polytomic", "datagrid", "pandadoc", "podero")) {
      List<String> files =
          fixtures().stream().filter(f -> f.vendor().equals(vendor)).map(Fixture::file).toList();
      for (String change : List.of("new-optional-field", "new-operation",
          "new-optional-query-parameter", "field-becomes-nullable", "removed-unused-field")) {
        assertTrue(files.stream().anyMatch(f -> f.startsWith(change + ".")), vendor + " " + change);
      }
      assertTrue(files.stream().anyMatch(f -> f.matches("(renamed|removed)-operation\\..*")), vendor);
      for (String file : files) {
        assertTrue(Files.isRegularFile(EVOLVED.resolve(vendor).resolve(file)), vendor + "/" + file);
      }
      assertTrue(fixtures().stream().filter(f -> f.vendor().equals(vendor))
          .allMatch(f -> Files.isRegularFile(f.base())), vendor + " base");
      Path base = fixtures().stream().filter(f -> f.vendor().equals(vendor)).findFirst().orElseThrow()
          .base();
      assertDoesNotThrow(() -> RequireOperations.check("x", base, "base", "",
          RequiredOperation.parseList(
              ProjectFiles.vendorPomProperty(vendor, "vendor.requiredOperations"))));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void specDiffClassifiesTheChange(Fixture fixture) {
    SpecDiffReport report = SpecDiff.compare(fixture.base(), fixture.path());
    assertTrue(!report.changes().isEmpty(), "the fixture differs from the committed spec");
    assertEquals(fixture.breaking(), report.hasBreakingChanges(), report.render());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void requireOperationsPassesUnlessTheFacadesOperationIsGone(Fixture fixture) {
    String vendor = ProjectFiles.vendorPomProperty(fixture.vendor(), "vendor.apiTag");
    List<RequiredOperation> required = RequiredOperation.parseList(
        ProjectFiles.vendorPomProperty(fixture.vendor(), "vendor.requiredOperations"));
    String shown = "specs/" + ProjectFiles.spec(fixture.vendor()).getFileName();
    if (fixture.requirePasses()) {
      assertDoesNotThrow(() -> RequireOperations.check(vendor, fixture.path(), shown,
          fixture.vendor() + "-client", required));
      return;
    }
    MissingOperationException e = assertThrows(MissingOperationException.class,
        () -> RequireOperations.check(vendor, fixture.path(), shown, fixture.vendor() + "-client",
            required));
    RequiredOperation needed = required.get(0);
    assertTrue(e.getMessage().startsWith("[" + vendor + "] " + shown + " has no operation '"
        + needed.operationId() + "' (" + needed.endpoint() + "), which the " + vendor
        + " facade needs."), e.getMessage());
  }
}
