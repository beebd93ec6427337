package dev.saasusers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code users-cli diff} and {@code list --since-snapshot} over exports that {@code list} wrote
 * from the fake vendors. "Last month" is today's export edited: one user missing (so added
 * today), one with another email, one with another role or license, and one who has left since
 * (so removed today).
 */
class DiffCommandTest extends FakeVendorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** Today's export of {@code vendor}, written by {@code list --output}. */
  private Path export(Vendor vendor, String format, String... more) {
    Path file = dir.resolve(vendor.id() + "-today." + format);
    List<String> args = new ArrayList<>(List.of("list", vendor.id(), "--format", format,
        "--output", file.toString()));
    args.addAll(List.of(more));
    CliRun run = CliRun.of(fakes.env(vendor), args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run::toString);
    return file;
  }

  /** What the last-month file was edited to: the expected change per user id. */
  record LastMonth(Path file, Map<String, String> expected, String emailChangedId,
      String oldEmail, String roleChangedId) {
  }

  private LastMonth lastMonth(Vendor vendor, Path todayJsonl) throws IOException {
    List<String> lines = Files.readAllLines(todayJsonl, StandardCharsets.UTF_8);
    List<String> edited = new ArrayList<>();
    Map<String, String> expected = new TreeMap<>();
    String idField = vendor.idField();
    ObjectNode added = (ObjectNode) JSON.readTree(lines.get(0));
    expected.put(added.get(idField).asText(), "added");
    ObjectNode email = (ObjectNode) JSON.readTree(lines.get(1));
    String oldEmail = "old-" + email.get("email").asText();
    email.put("email", oldEmail);
    expected.put(email.get(idField).asText(), "changed");
    ObjectNode role = (ObjectNode) JSON.readTree(lines.get(2));
    changeRole(vendor, role);
    expected.put(role.get(idField).asText(), "changed");
    ObjectNode gone = (ObjectNode) JSON.readTree(lines.get(3));
    String goneId = vendor == Vendor.POLYTOMIC || vendor == Vendor.PODERO
        ? "00000000-0000-4000-8000-000000000000" : "left-last-week";
    gone.put(idField, goneId);
    expected.put(goneId, "removed");
    edited.add(email.toString());
    edited.add(role.toString());
    edited.add(gone.toString());
    edited.addAll(lines.subList(3, lines.size()));
    Path file = dir.resolve(vendor.id() + "-last-month.jsonl");
    Files.write(file, edited, StandardCharsets.UTF_8);
    return new LastMonth(file, expected, email.get(idField).asText(), oldEmail,
        role.get(idField).asText());
  }

  private static void changeRole(Vendor vendor, ObjectNode user) {
    switch (vendor) {
      case POLYTOMIC -> user.putArray("role_ids").add("00000000-0000-4000-8000-0000000000aa");
      case DATAGRID -> {
        ObjectNode permissions = (ObjectNode) user.get("permissions");
        permissions.put("role", permissions.get("role").asText().equals("admin") ? "member" : "admin");
      }
      case PANDADOC -> user.put("license",
          "Guest".equals(user.path("license").asText()) ? "Full" : "Guest");
      case PODERO -> user.put("role", user.get("role").asText().equals("admin") ? "guest" : "admin");
    }
  }

  private static Map<String, String> changes(CliRun run) throws IOException {
    Map<String, String> changes = new TreeMap<>();
    for (String line : run.outLines()) {
      JsonNode change = JSON.readTree(line);
      changes.put(change.get("id").asText(), change.get("change").asText());
    }
    return changes;
  }

  private static JsonNode changeOf(CliRun run, String id) throws IOException {
    for (String line : run.outLines()) {
      JsonNode change = JSON.readTree(line);
      if (change.get("id").asText().equals(id)) {
        return change;
      }
    }
    throw new AssertionError("no change for " + id + " in " + run);
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void jsonlExportsShowAddedRemovedAndChangedUsers(Vendor vendor) throws IOException {
    Path today = export(vendor, "jsonl");
    LastMonth last = lastMonth(vendor, today);

    CliRun run = CliRun.of(Map.of(), "diff", last.file().toString(), today.toString(),
        "--format", "jsonl");

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(last.expected(), changes(run));
    JsonNode email = changeOf(run, last.emailChangedId());
    assertEquals(List.of("email"), JSON.convertValue(email.get("fields"), List.class));
    assertEquals(last.oldEmail(), email.get("old").get("email").asText());
    JsonNode role = changeOf(run, last.roleChangedId());
    List<?> fields = JSON.convertValue(role.get("fields"), List.class);
    assertEquals(vendor == Vendor.PANDADOC ? List.of("roles", "license") : List.of("roles"), fields);
    assertTrue(run.err().contains("1 added, 1 removed, 2 changed"), run.err());
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void csvExportComparesWithAJsonlOne(Vendor vendor) throws IOException {
    LastMonth last = lastMonth(vendor, export(vendor, "jsonl"));
    Path todayCsv = export(vendor, "csv");

    CliRun run = CliRun.of(Map.of(), "diff", last.file().toString(), todayCsv.toString(),
        "--format", "jsonl");

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(last.expected(), changes(run), "the default csv has roles, so a license change shows there");
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void sameExportTwiceIsNoChange(Vendor vendor) {
    Path jsonl = export(vendor, "jsonl");
    Path csv = export(vendor, "csv");

    CliRun run = CliRun.of(Map.of(), "diff", jsonl.toString(), csv.toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(1, run.outLines().size(), "the table header only: " + run);
    assertTrue(run.err().contains("0 added, 0 removed, 0 changed"), run.err());
  }

  @Test
  void csvWithoutAVendorColumnNeedsVendorAndComparesTheLicense() throws IOException {
    Path today = export(Vendor.PANDADOC, "csv", "--columns", "id,email,roles,license");
    List<String> lines = new ArrayList<>(Files.readAllLines(today));
    String first = lines.get(1);
    lines.set(1, first.replaceFirst(",[^,]*$", ",Guest-License"));
    Path lastMonth = Files.write(dir.resolve("last.csv"), lines);

    CliRun withoutVendor = CliRun.of(Map.of(), "diff", lastMonth.toString(), today.toString());
    CliRun run = CliRun.of(Map.of(), "diff", lastMonth.toString(), today.toString(),
        "--vendor", "pandadoc", "--format", "jsonl");

    assertEquals(2, withoutVendor.exitCode(), withoutVendor::toString);
    assertTrue(withoutVendor.err().contains("--vendor"), withoutVendor.err());
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(1, run.outLines().size(), run::toString);
    JsonNode change = JSON.readTree(run.outLines().get(0));
    assertEquals(List.of("license"), JSON.convertValue(change.get("fields"), List.class));
    assertEquals("Guest-License", change.get("old").get("license").asText());
  }

  @Test
  void tableShowsOldAndNewValues() throws IOException {
    Path today = export(Vendor.DATAGRID, "jsonl");
    LastMonth last = lastMonth(Vendor.DATAGRID, today);

    CliRun run = CliRun.of(Map.of(), "diff", last.file().toString(), today.toString());

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.outLines().get(0).matches("CHANGE\\s+ID\\s+EMAIL\\s+ROLES\\s+LICENSE\\s*"),
        run.outLines().get(0));
    String emailLine = run.outLines().stream().filter(l -> l.contains(last.emailChangedId()))
        .findFirst().orElseThrow();
    assertTrue(emailLine.startsWith("changed"), emailLine);
    assertTrue(emailLine.contains(last.oldEmail() + " → "), emailLine);
    assertEquals(5, run.outLines().size(), run::toString);
  }

  @Test
  void sinceSnapshotDiffsTheLiveListingAgainstAnExport() throws IOException {
    LastMonth last = lastMonth(Vendor.PANDADOC, export(Vendor.PANDADOC, "jsonl"));
    fakes.pandadoc.resetRequests();

    CliRun run = CliRun.of(fakes.env(Vendor.PANDADOC), "list", "pandadoc", "--since-snapshot",
        last.file().toString(), "--format", "jsonl");

    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(last.expected(), changes(run));
    assertTrue(fakes.pandadoc.requestCount() > 0);
  }

  @Test
  void sinceSnapshotOfAnotherVendorIsRefused() {
    Path datagrid = export(Vendor.DATAGRID, "jsonl");
    fakes.pandadoc.resetRequests();

    CliRun run = CliRun.of(fakes.env(Vendor.PANDADOC), "list", "pandadoc", "--since-snapshot",
        datagrid.toString());

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("is a datagrid export, not pandadoc"), run.err());
    assertEquals(0, fakes.pandadoc.requestCount());
  }

  @Test
  void exportsOfTwoVendorsAreRefused() {
    CliRun run = CliRun.of(Map.of(), "diff", export(Vendor.DATAGRID, "jsonl").toString(),
        export(Vendor.PODERO, "csv").toString());

    assertEquals(2, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().contains("is a datagrid export, NEW"), run.err());
  }

  @Test
  void aUserTwiceOrAMissingFileIsTroubleNotAChange() throws IOException {
    Path today = export(Vendor.DATAGRID, "jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(today));
    lines.add(lines.get(5));
    Path twice = Files.write(dir.resolve("twice.jsonl"), lines);

    CliRun duplicate = CliRun.of(Map.of(), "diff", twice.toString(), today.toString());
    CliRun missing = CliRun.of(Map.of(), "diff", dir.resolve("nope.jsonl").toString(),
        today.toString());
    CliRun garbage = CliRun.of(Map.of(), "diff",
        Files.writeString(dir.resolve("bad.jsonl"), "{not json\n").toString(), today.toString());

    assertEquals(2, duplicate.exitCode(), duplicate::toString);
    assertTrue(duplicate.err().contains("twice"), duplicate.err());
    assertEquals(2, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("does not exist"), missing.err());
    assertEquals(2, garbage.exitCode(), garbage::toString);
    assertEquals(1, garbage.errLines().size(), garbage::toString);
  }
}
