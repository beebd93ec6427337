package dev.saasusers.spectools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Locates the repository's files from a test running in the spec-tools module. */
final class ProjectFiles {

  private ProjectFiles() {}

  /** The repository root: the nearest directory upwards holding {@code specs/README.md}. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("specs/README.md"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no specs/README.md above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** A property of a vendor module's pom, e.g. {@code vendor.requiredOperations}. */
  static String vendorPomProperty(String vendor, String property) {
    Path pom = root().resolve(vendor + "-client/pom.xml");
    try {
      Matcher m =
          Pattern.compile("<" + Pattern.quote(property) + ">(.*?)</" + Pattern.quote(property) + ">")
              .matcher(Files.readString(pom));
      if (!m.find()) {
        throw new IllegalStateException(pom + " has no <" + property + ">");
      }
      return m.group(1).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The committed spec file of a vendor, e.g. {@code specs/pandadoc.json}. */
  static Path spec(String vendor) {
    String file = vendorPomProperty(vendor, "vendor.spec").replace("${specs.dir}/", "");
    return root().resolve("specs").resolve(file);
  }
}
