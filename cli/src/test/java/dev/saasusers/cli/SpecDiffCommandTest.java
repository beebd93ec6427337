package dev.saasusers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code users-cli spec-diff}: the spec-tools report and its exit code. */
class SpecDiffCommandTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: t, version: '1'}
      paths:
        /users:
          get:
            operationId: listUsers
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/User'}
      components:
        schemas:
          User:
            type: object
            properties:
              id: {type: string}
              email: {type: string}
      """;

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void sameSpecIsCompatible() throws IOException {
    Path old = write("old.yaml", SPEC);
    Path same = write("new.yaml", SPEC);

    CliRun run = CliRun.of(Map.of(), "spec-diff", old.toString(), same.toString());

    assertEquals(0, run.exitCode(), run::toString);
  }

  @Test
  void removedFieldIsBreakingWithExit1() throws IOException {
    Path old = write("old.yaml", SPEC);
    Path removed = write("new.yaml", SPEC.replace("        email: {type: string}\n", ""));

    CliRun run = CliRun.of(Map.of(), "spec-diff", old.toString(), removed.toString());

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.out().contains("email"), run.out());
  }

  @Test
  void unreadableFileAndWrongArityExit2() throws IOException {
    Path old = write("old.yaml", SPEC);

    CliRun missing = CliRun.of(Map.of(), "spec-diff", old.toString(), dir.resolve("nope.yaml").toString());
    CliRun arity = CliRun.of(Map.of(), "spec-diff", old.toString());

    assertEquals(2, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("nope.yaml"), missing.err());
    assertEquals(2, arity.exitCode(), arity::toString);
  }
}
