package dev.saasusers.cli;

import dev.saasusers.spectools.SpecDiff;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code users-cli spec-diff <old> <new>}: the spec-tools diff report, with its exit code. */
@Command(name = "spec-diff", mixinStandardHelpOptions = true,
    description = {"Compares two OpenAPI documents and reports what changed for this SDK.",
        "Exit 0: compatible, 1: breaking changes, 2: a file cannot be read or parsed."})
final class SpecDiffCommand implements Callable<Integer> {
  @ParentCommand
  UsersCli cli;

  @Parameters(index = "0", paramLabel = "<old>", description = "The committed spec (YAML or JSON).")
  Path oldSpec;

  @Parameters(index = "1", paramLabel = "<new>", description = "The candidate spec.")
  Path newSpec;

  @Override
  public Integer call() {
    return SpecDiff.run(new String[] {oldSpec.toString(), newSpec.toString()}, cli.out, cli.err);
  }
}
