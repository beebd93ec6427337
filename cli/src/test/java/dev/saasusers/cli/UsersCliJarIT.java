package dev.saasusers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saasusers.testing.FakeDatagrid;
import dev.saasusers.testing.FakeFault;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code users-cli.jar} as a process, as a user would: run by failsafe after
 * {@code package}, so it tests the jar that ships (manifest, shading, SLF4J binding).
 */
class UsersCliJarIT {

  @TempDir
  Path dir;

  @Test
  void jarListsToCleanStdoutWithDebugLogsOnStderrAndNoSecret() throws Exception {
    Path jar = Path.of(System.getProperty("users.cli.jar", "target/users-cli.jar"));
    assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar.toAbsolutePath());
    try (FakeDatagrid datagrid = FakeDatagrid.start(120)) {
      datagrid.faults().next(FakeFault.RATE_LIMITED);
      File out = dir.resolve("users.jsonl").toFile();
      File err = dir.resolve("stderr.txt").toFile();
      ProcessBuilder builder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          jar.toString(), "list", "datagrid", "--format", "jsonl", "--debug")
          .redirectOutput(out).redirectError(err);
      builder.environment().keySet().removeIf(name -> name.startsWith("DATAGRID_"));
      builder.environment().put("DATAGRID_API_KEY", datagrid.apiKey());
      builder.environment().put("DATAGRID_BASE_URL", datagrid.baseUrl());

      Process process = builder.start();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "users-cli did not finish");

      String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
      String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), stderr);
      ObjectMapper json = new ObjectMapper();
      List<String> ids = new ArrayList<>();
      for (String line : stdout.split("\n")) {
        JsonNode user = json.readTree(line);
        ids.add(user.get("id").asText());
      }
      assertEquals(datagrid.userIds(), ids, "stdout holds exactly the users, one JSON per line");
      assertTrue(stderr.contains("DEBUG dev.saasusers.http"), "debug log on stderr: " + stderr);
      assertTrue(stderr.contains("-> 429"), "the retried 429 is logged: " + stderr);
      assertFalse(stdout.contains("DEBUG"), "no log line on stdout");
      assertFalse(stdout.contains(datagrid.apiKey()) || stderr.contains(datagrid.apiKey()),
          "the API key leaked");
    }
  }
}
