package dev.saasusers.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecDiffTest {

  @TempDir Path dir;

  /** A one-operation spec whose User schema has the given properties (YAML, indented 8). */
  private Path spec(String name, String openapi, String userProperties, String extraParameters)
      throws IOException {
    String yaml = "openapi: " + openapi + "\n"
        + "info: {title: Test, version: '1'}\n"
        + "paths:\n"
        + "  /users:\n"
        + "    get:\n"
        + "      operationId: listUsers\n"
        + "      parameters:\n"
        + "        - {name: page, in: query, schema: {type: integer}}\n"
        + extraParameters
        + "      responses:\n"
        + "        '200':\n"
        + "          description: OK\n"
        + "          content:\n"
        + "            application/json:\n"
        + "              schema:\n"
        + "                type: array\n"
        + "                items: {$ref: '#/components/schemas/User'}\n"
        + "components:\n"
        + "  schemas:\n"
        + "    User:\n"
        + "      type: object\n"
        + "      properties:\n"
        + userProperties;
    return Files.writeString(dir.resolve(name), yaml);
  }

  private SpecDiffReport diff31(String oldProps, String newProps) throws IOException {
    return SpecDiff.compare(spec("a.yaml", "3.1.0", oldProps, ""),
        spec("b.yaml", "3.1.0", newProps, ""));
  }

  private static SpecChange only(SpecDiffReport report) {
    assertEquals(1, report.changes().size(), report.render());
    return report.changes().get(0);
  }

  @Test
  void identicalSpecsHaveNoChanges() throws IOException {
    SpecDiffReport report = diff31("        id: {type: string}\n", "        id: {type: string}\n");
    assertEquals(List.of(), report.changes());
    assertFalse(report.hasBreakingChanges());
  }

  @Test
  void removingNullFromA31TypeArrayIsBreaking() throws IOException {
    SpecChange change = only(diff31("        tags: {type: [array, 'null'], items: {type: string}}\n",
        "        tags: {type: array, items: {type: string}}\n"));
    assertEquals("schema User.tags", change.location());
    assertEquals("no longer nullable (narrowed)", change.description());
    assertTrue(change.breaking());
  }

  @Test
  void anyOfWithNullIsTheSameTypeMadeNullable() throws IOException {
    SpecChange change = only(diff31("        name: {type: string}\n",
        "        name: {anyOf: [{type: string}, {type: 'null'}]}\n"));
    assertEquals("now nullable", change.description());
    assertFalse(change.breaking());
  }

  @Test
  void openApi30NullableIsUnderstood() throws IOException {
    SpecDiffReport report = SpecDiff.compare(
        spec("a.yaml", "3.0.3", "        name: {type: string, nullable: true}\n", ""),
        spec("b.yaml", "3.0.3", "        name: {type: string}\n", ""));
    assertEquals("no longer nullable (narrowed)", only(report).description());
    assertTrue(report.hasBreakingChanges());
  }

  @Test
  void numberToIntegerIsANarrowedType() throws IOException {
    SpecChange change = only(diff31("        score: {type: number}\n",
        "        score: {type: integer}\n"));
    assertEquals("type narrowed number -> integer", change.description());
    assertTrue(change.breaking());
  }

  @Test
  void stringToIntegerIsABreakingTypeChange() throws IOException {
    SpecChange change = only(diff31("        id: {type: string}\n", "        id: {type: integer}\n"));
    assertEquals("type changed string -> integer", change.description());
    assertTrue(change.breaking());
  }

  @Test
  void removedEnumValueIsBreakingAndAddedOneIsNot() throws IOException {
    SpecDiffReport report = diff31("        role: {type: string, enum: [admin, user]}\n",
        "        role: {type: string, enum: [admin, guest]}\n");
    assertEquals(
        List.of("~ schema User.role: enum value(s) removed: [user]  [BREAKING]",
            "~ schema User.role: enum value(s) added: [guest]"),
        report.changes().stream().map(SpecChange::line).toList());
  }

  @Test
  void removedFieldIsBreakingAndNewOptionalFieldIsNot() throws IOException {
    SpecDiffReport report = diff31("        id: {type: string}\n        fax: {type: string}\n",
        "        id: {type: string}\n        phone: {type: string}\n");
    assertEquals(
        List.of("- schema User.fax: field removed  [BREAKING]",
            "+ schema User.phone: new optional field (string)"),
        report.changes().stream().map(SpecChange::line).toList());
  }

  @Test
  void newRequiredParameterIsBreakingAndNewOptionalOneIsNot() throws IOException {
    String props = "        id: {type: string}\n";
    Path old = spec("a.yaml", "3.1.0", props, "");
    SpecDiffReport required = SpecDiff.compare(old, spec("b.yaml", "3.1.0", props,
        "        - {name: org, in: query, required: true, schema: {type: string}}\n"));
    SpecDiffReport optional = SpecDiff.compare(old, spec("c.yaml", "3.1.0", props,
        "        - {name: org, in: query, schema: {type: string}}\n"));

    assertEquals("+ GET /users query parameter 'org': new required parameter (string)  [BREAKING]",
        only(required).line());
    assertEquals("+ GET /users query parameter 'org': new optional parameter (string)",
        only(optional).line());
  }

  @Test
  void removedOperationIsBreaking() throws IOException {
    Path old = spec("a.yaml", "3.1.0", "        id: {type: string}\n", "");
    Path empty = Files.writeString(dir.resolve("b.yaml"),
        "openapi: 3.1.0\ninfo: {title: Test, version: '2'}\npaths: {}\n");
    SpecDiffReport report = SpecDiff.compare(old, empty);
    assertTrue(report.changes().stream().anyMatch(c -> c.line().equals(
        "- GET /users: operation removed 'listUsers'  [BREAKING]")), report.render());
    assertTrue(report.changes().stream().anyMatch(c -> c.line().equals(
        "- schema User: schema removed (its model class disappears)  [BREAKING]")),
        report.render());
  }

  @Test
  void runExitsZeroForCompatibleAndOneForBreakingChanges() throws IOException {
    Path a = spec("a.yaml", "3.1.0", "        id: {type: string}\n", "");
    Path b = spec("b.yaml", "3.1.0", "        id: {type: string}\n        x: {type: string}\n", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

    assertEquals(0, SpecDiff.run(new String[] {a.toString(), b.toString()}, print, print));
    assertEquals(1, SpecDiff.run(new String[] {b.toString(), a.toString()}, print, print));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("Summary: operations +0 -0 ~0, parameters +0 -0 ~0, schemas +0 -0 ~0,"
        + " schema fields +0 -1 ~0; 1 BREAKING change(s)"), text);
  }

  @Test
  void runExitsTwoOnUsageAndReadErrors() throws IOException {
    Path a = spec("a.yaml", "3.1.0", "        id: {type: string}\n", "");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "openapi: [unclosed\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    assertEquals(2, SpecDiff.run(new String[] {a.toString()}, out, errors));
    assertEquals(2, SpecDiff.run(new String[] {a.toString(), dir.resolve("nope.yaml").toString()},
        out, errors));
    assertEquals(2, SpecDiff.run(new String[] {a.toString(), broken.toString()}, out, errors));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("expected 2 arguments, got 1"), text);
    assertTrue(text.contains("nope.yaml does not exist"), text);
    assertTrue(text.contains("broken.yaml is not valid YAML"), text);
  }

  @Test
  void polytomicSchemaChangesAreSeenInOpenApi31() throws IOException {
    // The case openapi-diff 2.1.7 misses: fields of a 3.1 schema removed and retyped.
    Path committed = ProjectFiles.spec("polytomic");
    String text = Files.readString(committed)
        .replace("        role:\n          type: string\n", "        role:\n          type: integer\n");
    SpecDiffReport report =
        SpecDiff.compare(committed, Files.writeString(dir.resolve("polytomic.yaml"), text));
    assertEquals("~ schema User.role: type changed string -> integer  [BREAKING]",
        only(report).line());
  }
}
