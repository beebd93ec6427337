package dev.saasusers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saasusers.testing.FakeDatagrid;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher {@code target/users-cli} that {@code package} writes beside the jar, with
 * the AppCDS archive it built, with an archive the JVM cannot use and with none: each time the
 * listing is complete and stdout holds only the users. Needs {@code /bin/sh}.
 */
class UsersCliLauncherIT {
  private static final Path JAR = Path.of(System.getProperty("users.cli.jar", "target/users-cli.jar"));
  private static final Path LAUNCHER = JAR.resolveSibling("users-cli");
  private static final Path ARCHIVE = JAR.resolveSibling("users-cli.jsa");
  private static FakeDatagrid datagrid;

  @TempDir
  Path dir;

  @BeforeAll
  static void startFake() {
    assumeTrue(new File("/bin/sh").canExecute(), "the launcher is a POSIX shell script");
    assertTrue(Files.isExecutable(LAUNCHER), "package writes an executable launcher: " + LAUNCHER);
    datagrid = FakeDatagrid.start(120);
  }

  @AfterAll
  static void stopFake() {
    if (datagrid != null) {
      datagrid.close();
    }
  }

  @Test
  void theBuiltArchiveIsUsable() throws Exception {
    assumeTrue(Files.isRegularFile(ARCHIVE), "no archive was built (the build warned): " + ARCHIVE);
    // -Xshare:on makes an archive the JVM cannot map a start-up error instead of a fallback.
    Run run = launch(LAUNCHER, Map.of("JAVA_OPTS", "-Xshare:on"));

    assertEquals(0, run.exit, run.stderr);
    assertEquals(datagrid.userIds(), run.ids());
  }

  @Test
  void anArchiveOfAnotherPlaceIsSkippedWithStdoutLeftToTheUsers() throws Exception {
    assumeTrue(Files.isRegularFile(ARCHIVE), "no archive was built (the build warned): " + ARCHIVE);
    // A copy of the jar elsewhere does not match the archive, which names the jar it was made from.
    Path launcher = copyLauncherAndJar();
    Files.copy(ARCHIVE, dir.resolve("users-cli.jsa"));

    Run run = launch(launcher, Map.of());

    assertEquals(0, run.exit, run.stderr);
    assertEquals(datagrid.userIds(), run.ids(), "stdout holds exactly the users");
    assertFalse(run.stderr.contains("shared archive"), "the skipped archive is no news: " + run.stderr);
  }

  @Test
  void aFileThatIsNoArchiveIsSkipped() throws Exception {
    Path launcher = copyLauncherAndJar();
    Files.writeString(dir.resolve("users-cli.jsa"), "not an archive\n".repeat(1000));

    Run run = launch(launcher, Map.of());

    assertEquals(0, run.exit, run.stderr);
    assertEquals(datagrid.userIds(), run.ids());
  }

  @Test
  void withoutAnArchiveTheLauncherRunsThePlainJar() throws Exception {
    Path launcher = copyLauncherAndJar();

    Run run = launch(launcher, Map.of());

    assertEquals(0, run.exit, run.stderr);
    assertEquals(datagrid.userIds(), run.ids());
  }

  private Path copyLauncherAndJar() throws Exception {
    Path launcher = dir.resolve("users-cli");
    Files.copy(LAUNCHER, launcher, StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(JAR, dir.resolve("users-cli.jar"));
    return launcher;
  }

  private Run launch(Path launcher, Map<String, String> env) throws Exception {
    File out = dir.resolve("stdout.txt").toFile();
    File err = dir.resolve("stderr.txt").toFile();
    ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "list", "datagrid",
        "--format", "jsonl").redirectOutput(out).redirectError(err);
    builder.environment().keySet().removeIf(name -> name.startsWith("DATAGRID_"));
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("DATAGRID_API_KEY", datagrid.apiKey());
    builder.environment().put("DATAGRID_BASE_URL", datagrid.baseUrl());
    builder.environment().putAll(env);
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "users-cli did not finish");
    return new Run(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  private record Run(int exit, String stdout, String stderr) {
    /** The id of each stdout line, which must each be one JSON user. */
    List<String> ids() throws Exception {
      ObjectMapper json = new ObjectMapper();
      List<String> ids = new ArrayList<>();
      for (String line : stdout.split("\n")) {
        ids.add(json.readTree(line).get("id").asText());
      }
      return ids;
    }
  }
}
