package dev.saasusers.spectools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the specs against the SHA-256 recorded in {@code specs/README.md}, so that an accidental
 * edit of a vendor spec cannot slip in. A row of the README's table looks like
 * {@code | `pandadoc.json` | PandaDoc | ... | `<64 hex digits>` |}.
 */
public final class SpecProvenance {

  private static final Pattern ROW =
      Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|.*`([0-9a-f]{64})`\\s*\\|\\s*$");

  private SpecProvenance() {}

  /**
   * The recorded hashes, by file name.
   *
   * @param readme the README to read
   * @return file name to lower-case hex SHA-256, in table order
   */
  public static Map<String, String> recordedHashes(Path readme) {
    Map<String, String> hashes = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(readme)) {
        Matcher m = ROW.matcher(line.strip());
        if (m.matches()) {
          hashes.put(m.group(1), m.group(2));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + readme, e);
    }
    return hashes;
  }

  /**
   * Compares every spec in a directory with its {@code README.md}.
   *
   * @param specsDir the directory holding the specs and README.md
   * @return one message per problem (changed bytes, missing file, spec without a row); empty when
   *     all match
   */
  public static List<String> problems(Path specsDir) {
    Path readme = specsDir.resolve("README.md");
    String shown = specsDir.getFileName() + "/";
    Map<String, String> recorded = recordedHashes(readme);
    List<String> problems = new ArrayList<>();
    if (recorded.isEmpty()) {
      problems.add(shown + "README.md records no SHA-256 at all");
    }
    for (Map.Entry<String, String> e : recorded.entrySet()) {
      Path file = specsDir.resolve(e.getKey());
      if (!Files.isRegularFile(file)) {
        problems.add(shown + e.getKey() + " is listed in " + shown + "README.md but does not exist");
        continue;
      }
      String actual = sha256(file);
      if (!actual.equals(e.getValue())) {
        problems.add(shown + e.getKey() + ": SHA-256 is " + actual + " but " + shown
            + "README.md records " + e.getValue() + ". If the change is intended, run"
            + " scripts/update-spec <vendor> <file>.");
      }
    }
    try (Stream<Path> files = Files.list(specsDir)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml"))
          .filter(n -> !recorded.containsKey(n))
          .sorted()
          .forEach(n -> problems.add(shown + n + " has no SHA-256 row in " + shown + "README.md"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + specsDir, e);
    }
    return problems;
  }

  /**
   * The SHA-256 of a file's bytes.
   *
   * @param file the file
   * @return lower-case hex
   */
  public static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
