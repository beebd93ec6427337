package dev.saasusers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} on every command, and {@code demo}. */
class HelpAndDemoTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "list", "demo", "spec-diff"})
  void helpOnEveryCommandGoesToStdoutWithExit0(String command) {
    List<String> args = new ArrayList<>();
    if (!command.isEmpty()) {
      args.add(command);
    }
    args.add("--help");

    CliRun run = CliRun.of(Map.of(), args.toArray(String[]::new));

    assertEquals(0, run.exitCode(), run::toString);
    String name = command.isEmpty() ? "users-cli" : "users-cli " + command;
    assertTrue(run.out().startsWith("Usage: " + name), run.out());
    assertEquals("", run.err());
  }

  @Test
  void helpSubcommandAndTopLevelListTheCommands() {
    CliRun run = CliRun.of(Map.of(), "help");

    assertEquals(0, run.exitCode(), run::toString);
    for (String command : List.of("list", "demo", "spec-diff")) {
      assertTrue(Pattern.compile("(?m)^\\s+" + command + "\\s").matcher(run.out()).find(), run.out());
    }
  }

  @Test
  void listHelpNamesTheCredentialVariablesAndFlags() {
    String help = CliRun.of(Map.of(), "list", "--help").out();

    for (String text : List.of("POLYTOMIC_API_KEY", "DATAGRID_API_KEY", "PANDADOC_API_KEY",
        "PODERO_CLIENT_SECRET", "--org-id", "--base-url", "--format", "--page-size", "--max-items",
        "--search", "--include-deleted", "--show-removed", "--parallel", "--max-retries", "--resume",
        "--progress", "--debug")) {
      assertTrue(help.contains(text), text + " missing from: " + help);
    }
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of(Map.of(), "frobnicate");

    assertEquals(2, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
  }

  @Test
  void demoListsFourVendorsCountsAndTheRetried429() {
    CliRun run = CliRun.of(Map.of(), "demo", "--users", "60", "--show", "2");

    assertEquals(0, run.exitCode(), run::toString);
    String out = run.out();
    for (String vendor : List.of("polytomic", "datagrid", "pandadoc", "podero")) {
      long rows = run.outLines().stream().filter(l -> l.startsWith(vendor + " ")).count();
      assertEquals(3, rows, vendor + ": two users and a summary line in " + out);
      assertTrue(Pattern.compile("(?m)^" + vendor + "\\s+\\d+ users\\s+\\d+ pages\\s+\\d+ ms$")
          .matcher(out).find(), vendor + " summary missing: " + out);
    }
    assertTrue(Pattern.compile("(?m)^polytomic\\s+60 users").matcher(out).find(), out);
    assertTrue(out.contains("(datagrid: HTTP 429, retrying in 1000 ms as Retry-After asked)"), out);
    assertEquals("", run.err());
  }
}
