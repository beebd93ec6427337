package dev.saasusers.cli;

import dev.saasusers.common.config.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One in-process run of {@code users-cli}: its exit code and what it wrote to stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = UsersCli.run(Environment.of(env), o, e, args);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** stdout split in lines, without line terminators; empty when nothing was written. */
  List<String> outLines() {
    return out.isEmpty() ? List.of() : Arrays.asList(out.split("\r?\n"));
  }

  /** stderr split in lines. */
  List<String> errLines() {
    return err.isEmpty() ? List.of() : Arrays.asList(err.split("\r?\n"));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }
}
