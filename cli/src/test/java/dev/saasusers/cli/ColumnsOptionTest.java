package dev.saasusers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code --columns}: vendor fields by their JSON name, for csv and table; {@code all}. */
class ColumnsOptionTest extends FakeVendorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<List<String>> csvRows(String text) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  private static List<JsonNode> jsonl(Vendor vendor) throws IOException {
    CliRun run = list(vendor, "--format", "jsonl");
    assertEquals(0, run.exitCode(), run::toString);
    List<JsonNode> users = new ArrayList<>();
    for (String line : run.outLines()) {
      users.add(JSON.readTree(line));
    }
    return users;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText();
  }

  @Test
  void pandaDocLicenseReportColumns() throws IOException {
    CliRun run = list(Vendor.PANDADOC, "--format", "csv",
        "--columns", "email,license,is_organization_owner,workspaces.role");

    assertEquals(0, run.exitCode(), run::toString);
    List<List<String>> rows = csvRows(run.out());
    assertEquals(List.of("email", "license", "is_organization_owner", "workspaces.role"), rows.get(0));
    List<JsonNode> users = jsonl(Vendor.PANDADOC);
    assertEquals(users.size() + 1, rows.size());
    boolean sawLicense = false;
    for (int i = 0; i < users.size(); i++) {
      JsonNode u = users.get(i);
      List<String> row = rows.get(i + 1);
      assertEquals(text(u.get("email")), row.get(0));
      assertEquals(text(u.get("license")), row.get(1));
      assertEquals(text(u.get("is_organization_owner")), row.get(2));
      List<String> roles = new ArrayList<>();
      u.get("workspaces").forEach(w -> roles.add(w.get("role").asText()));
      assertEquals(String.join(";", roles), row.get(3));
      sawLicense |= !row.get(1).isEmpty();
    }
    assertTrue(sawLicense, "the fake gives most users a license");
  }

  @Test
  void poderoOffboardingColumnsInTheTable() throws IOException {
    CliRun run = list(Vendor.PODERO, "--columns", "id,email,last_login");

    assertEquals(0, run.exitCode(), run::toString);
    List<String> lines = run.outLines();
    assertTrue(lines.get(0).matches("ID\\s+EMAIL\\s+LAST_LOGIN\\s*"), lines.get(0));
    List<JsonNode> users = jsonl(Vendor.PODERO);
    assertEquals(users.size() + 1, lines.size());
    for (int i = 0; i < users.size(); i++) {
      String[] cells = lines.get(i + 1).trim().split("\\s+");
      String lastLogin = text(users.get(i).get("last_login"));
      assertEquals(users.get(i).get("id").asText(), cells[0]);
      assertEquals(lastLogin.isEmpty() ? "-" : lastLogin, cells[2]);
    }
  }

  @ParameterizedTest
  @EnumSource(Vendor.class)
  void allFlattensEveryFieldOfTheVendor(Vendor vendor) throws IOException {
    CliRun run = list(vendor, "--format", "csv", "--columns", "all");

    assertEquals(0, run.exitCode(), run::toString);
    List<String> header = csvRows(run.out()).get(0);
    assertEquals(Columns.CSV_DEFAULT, header.subList(0, Columns.CSV_DEFAULT.size()));
    List<String> expected = switch (vendor) {
      case POLYTOMIC -> List.of("organization_id", "role", "role_ids");
      case DATAGRID -> List.of("permissions.role");
      case PANDADOC -> List.of("user_id", "phone_number", "license", "is_organization_owner",
          "workspaces.role", "workspaces.workspace_id", "workspaces.membership_id");
      case PODERO -> List.of("organization_id", "external_user_id", "role", "is_onboarded",
          "last_login", "joined_at");
    };
    assertTrue(header.containsAll(expected), "header " + header);
    assertEquals(header.size(), new java.util.HashSet<>(header).size(), "no column twice: " + header);
  }

  @Test
  void unknownColumnIsAUsageErrorNamingItBeforeAnyRequest() {
    CliRun run = list(Vendor.PANDADOC, "--format", "csv", "--columns", "email,last_login");

    assertEquals(2, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().startsWith("error: unknown column 'last_login' for pandadoc; known: "),
        run.err());
    assertTrue(run.err().contains("license"), run.err());
    assertEquals(0, fakes.pandadoc.requestCount());
  }

  @Test
  void columnsDoNotApplyToJsonl() {
    CliRun run = list(Vendor.DATAGRID, "--format", "jsonl", "--columns", "email");

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--columns applies to csv and table"), run.err());
    assertEquals(0, fakes.datagrid.requestCount());
  }
}
