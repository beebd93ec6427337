package dev.saasusers.spectools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecProvenanceTest {

  private static final Path SPECS = ProjectFiles.root().resolve("specs");

  @Test
  void committedSpecsMatchTheSha256RecordedInTheReadme() {
    List<String> problems = SpecProvenance.problems(SPECS);
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void readmeRecordsAllFourVendorSpecs() {
    assertEquals(
        List.of("polytomic.yaml", "datagrid.yaml", "pandadoc.json", "podero.yaml"),
        List.copyOf(SpecProvenance.recordedHashes(SPECS.resolve("README.md")).keySet()));
  }

  @Test
  void aChangedByteIsReportedWithTheFileAndBothHashes(@TempDir Path dir) throws IOException {
    copySpecs(dir);
    String recorded = SpecProvenance.recordedHashes(dir.resolve("README.md")).get("podero.yaml");
    Files.writeString(dir.resolve("podero.yaml"), " ", StandardOpenOption.APPEND);
    String actual = SpecProvenance.sha256(dir.resolve("podero.yaml"));

    List<String> problems = SpecProvenance.problems(dir);

    assertEquals(1, problems.size(), problems.toString());
    String message = problems.get(0);
    assertTrue(message.contains("podero.yaml"), message);
    assertTrue(message.contains(recorded), message);
    assertTrue(message.contains(actual), message);
  }

  @Test
  void aSpecWithoutARowIsReported(@TempDir Path dir) throws IOException {
    copySpecs(dir);
    Files.writeString(dir.resolve("acme.yaml"), "openapi: 3.1.0\n", StandardCharsets.UTF_8);

    assertEquals(
        List.of(dir.getFileName() + "/acme.yaml has no SHA-256 row in " + dir.getFileName()
            + "/README.md"),
        SpecProvenance.problems(dir));
  }

  @Test
  void knownHashOfKnownBytes(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("abc"), "abc", StandardCharsets.US_ASCII);
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        SpecProvenance.sha256(file));
  }

  private static void copySpecs(Path dir) throws IOException {
    for (String name : List.of("README.md", "polytomic.yaml", "datagrid.yaml", "pandadoc.json",
        "podero.yaml")) {
      Files.copy(SPECS.resolve(name), dir.resolve(name));
    }
    assertTrue(SpecProvenance.problems(dir).isEmpty(), "the copy starts clean");
  }
}
