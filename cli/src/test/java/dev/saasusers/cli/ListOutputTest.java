package dev.saasusers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.saasusers.testing.FakeFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** {@code list --output FILE}: all or nothing in FILE, and a partial file that --resume completes. */
class ListOutputTest extends FakeVendorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RESUME = Pattern.compile("--resume (\\S+) --output (\\S+)");

  @TempDir
  Path dir;

  private static List<String> lines(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\r?\n"));
  }

  /** The user ids of an export, in order, whatever its format. */
  private static List<String> ids(Vendor vendor, String format, Path file) throws IOException {
    List<String> lines = lines(file);
    List<String> ids = new ArrayList<>();
    if (format.equals("jsonl")) {
      for (String line : lines) {
        ids.add(JSON.readTree(line).get(vendor.idField()).asText());
      }
      return ids;
    }
    assertTrue(lines.get(0).startsWith(format.equals("csv") ? "vendor,id," : "VENDOR"), lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      ids.add(format.equals("csv") ? line.split(",")[1] : line.split("\\s+")[1]);
    }
    return ids;
  }

  private void assertOnlyTarget(Path target) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target.getFileName().toString()),
          files.map(p -> p.getFileName().toString()).toList(), "no partial file is left");
    }
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void successWritesEveryUserToTheFileAndNothingToStdout(Vendor vendor) throws IOException {
    Path target = dir.resolve("users.jsonl");
    Files.writeString(target, "last month\n");

    CliRun run = list(vendor, "--format", "jsonl", "--output", target.toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", run.out());
    assertEquals(fakes.defaultListingIds(vendor), ids(vendor, "jsonl", target));
    assertOnlyTarget(target);
  }

  static Stream<Arguments> failures() {
    return Stream.of(Arguments.of(Vendor.DATAGRID, "csv"), Arguments.of(Vendor.DATAGRID, "jsonl"),
        Arguments.of(Vendor.PANDADOC, "table"), Arguments.of(Vendor.PANDADOC, "csv"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void failureMidListingLeavesTheFileAloneAndResumeCompletesIt(Vendor vendor, String format)
      throws IOException {
    Path target = dir.resolve("users." + format);
    Files.writeString(target, "last month\n");
    fakes.fake(vendor).faults().alwaysAfter(4, FakeFault.SERVICE_UNAVAILABLE);

    CliRun failed = list(vendor, "--format", format, "--page-size", "10", "--max-retries", "0",
        "--output", target.toString());

    assertEquals(1, failed.exitCode(), failed::toString);
    assertEquals(1, failed.errLines().size(), failed::toString);
    assertEquals("last month\n", Files.readString(target), "the old file is untouched");
    Path partial = dir.resolve("users." + format + ".partial");
    assertTrue(failed.err().contains(partial.toString()), failed.err());
    assertEquals(fakes.fake(vendor).userIds().subList(0, 40), ids(vendor, format, partial),
        "four pages of ten were kept");
    Matcher resume = RESUME.matcher(failed.err());
    assertTrue(resume.find(), failed.err());
    assertEquals(target.toString(), resume.group(2));

    fakes.fake(vendor).faults().clear();
    CliRun resumed = list(vendor, "--format", format, "--page-size", "10",
        "--resume", resume.group(1), "--output", resume.group(2));

    assertEquals(0, resumed.exitCode(), resumed::toString);
    assertEquals(fakes.fake(vendor).userIds(), ids(vendor, format, target),
        "every user exactly once, in order, one header");
    assertOnlyTarget(target);
  }

  @Test
  void aPermanentFailureLeavesTheFileAloneAndKeepsNoPartialToResume() throws IOException {
    Path target = dir.resolve("users.jsonl");
    Files.writeString(target, "last month\n");
    StubMapping gone = fakes.pandadoc.server().stubFor(get(urlPathEqualTo("/public/v1/users"))
        .withQueryParam("page", equalTo("3")).willReturn(aResponse().withStatus(403)));
    try {
      CliRun failed = list(Vendor.PANDADOC, "--format", "jsonl", "--page-size", "10",
          "--output", target.toString());

      assertEquals(1, failed.exitCode(), failed::toString);
      assertEquals(1, failed.errLines().size(), failed::toString);
      assertTrue(failed.err().contains("HTTP 403"), failed.err());
      assertTrue(failed.err().contains(target + " is untouched, no partial result is kept"),
          failed.err());
      assertFalse(failed.err().contains("checkpoint"), failed.err());
      assertFalse(RESUME.matcher(failed.err()).find(), failed.err());
      assertEquals("last month\n", Files.readString(target), "the old file is untouched");
      assertOnlyTarget(target);
    } finally {
      fakes.pandadoc.server().removeStub(gone);
    }
  }

  @Test
  void failureOnTheFirstRequestKeepsAnEmptyPartialThatResumeFillsWithTheHeader()
      throws IOException {
    Path target = dir.resolve("users.csv");
    fakes.datagrid.faults().always(FakeFault.SERVICE_UNAVAILABLE);

    CliRun failed = list(Vendor.DATAGRID, "--format", "csv", "--max-retries", "0",
        "--output", target.toString());

    assertEquals(1, failed.exitCode(), failed::toString);
    assertFalse(Files.exists(target));
    assertEquals(0, Files.size(dir.resolve("users.csv.partial")));
    Matcher resume = RESUME.matcher(failed.err());
    assertTrue(resume.find(), failed.err());

    fakes.datagrid.faults().clear();
    CliRun resumed = list(Vendor.DATAGRID, "--format", "csv", "--resume", resume.group(1),
        "--output", resume.group(2));

    assertEquals(0, resumed.exitCode(), resumed::toString);
    assertEquals(fakes.datagrid.userIds(), ids(Vendor.DATAGRID, "csv", target));
  }

  @Test
  void resumeRefusesAnotherFormatAndAMissingPartialFile() throws IOException {
    Path target = dir.resolve("users.jsonl");
    fakes.datagrid.faults().alwaysAfter(2, FakeFault.SERVICE_UNAVAILABLE);
    CliRun failed = list(Vendor.DATAGRID, "--format", "jsonl", "--page-size", "10",
        "--max-retries", "0", "--output", target.toString());
    Matcher resume = RESUME.matcher(failed.err());
    assertTrue(resume.find(), failed.err());
    fakes.datagrid.faults().clear();
    fakes.datagrid.resetRequests();
    Path partial = dir.resolve("users.jsonl.partial");
    byte[] before = Files.readAllBytes(partial);

    CliRun wrongFormat = list(Vendor.DATAGRID, "--format", "csv", "--page-size", "10",
        "--resume", resume.group(1), "--output", target.toString());
    CliRun noPartial = list(Vendor.DATAGRID, "--format", "jsonl", "--resume", resume.group(1),
        "--output", dir.resolve("never-started.jsonl").toString());

    assertEquals(2, wrongFormat.exitCode(), wrongFormat::toString);
    assertTrue(wrongFormat.err().contains("was written as datagrid jsonl"), wrongFormat.err());
    assertEquals(2, noPartial.exitCode(), noPartial::toString);
    assertTrue(noPartial.err().contains("no partial result"), noPartial.err());
    assertEquals(0, fakes.datagrid.requestCount());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(partial)), "partial untouched");
  }

  @Test
  void resumeRefusesTheWrongCheckpoint() throws IOException {
    Path target = dir.resolve("users.jsonl");
    fakes.datagrid.faults().alwaysAfter(2, FakeFault.SERVICE_UNAVAILABLE);
    CliRun failed = list(Vendor.DATAGRID, "--format", "jsonl", "--page-size", "10",
        "--max-retries", "0", "--output", target.toString());
    assertEquals(1, failed.exitCode(), failed::toString);
    fakes.datagrid.faults().clear();
    fakes.datagrid.faults().alwaysAfter(1, FakeFault.SERVICE_UNAVAILABLE);
    CliRun stdout = list(Vendor.DATAGRID, "--format", "jsonl", "--page-size", "10",
        "--max-retries", "0");
    Matcher earlier = Pattern.compile("--resume (\\S+)").matcher(stdout.err());
    assertTrue(earlier.find(), stdout.err());
    fakes.datagrid.faults().clear();
    fakes.datagrid.resetRequests();

    CliRun run = list(Vendor.DATAGRID, "--format", "jsonl", "--page-size", "10",
        "--resume", earlier.group(1), "--output", target.toString());

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("not the one"), run.err());
    assertEquals(0, fakes.datagrid.requestCount());
    assertEquals(20, lines(dir.resolve("users.jsonl.partial")).size());
  }

  @ParameterizedTest
  @EnumSource(value = Vendor.class, names = {"DATAGRID", "PODERO"})
  void unwritablePathIsAClearErrorBeforeAnyRequest(Vendor vendor) throws IOException {
    Path aFile = Files.writeString(dir.resolve("a-file"), "x");
    List<String> targets = List.of(aFile.resolve("users.csv").toString(),
        dir.resolve("missing-dir").resolve("users.csv").toString(), dir.toString());

    for (String target : targets) {
      CliRun run = list(vendor, "--format", "csv", "--output", target);

      assertEquals(2, run.exitCode(), run::toString);
      assertEquals(1, run.errLines().size(), run::toString);
      assertTrue(run.err().startsWith("error: --output " + target), run.err());
      assertEquals(0, fakes.fake(vendor).requestCount(), "no request for " + target);
      if (vendor == Vendor.PODERO) {
        assertEquals(0, fakes.podero.tokenRequestCount(), "not even a token request");
      }
    }
  }
}
