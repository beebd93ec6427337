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

  /**
   * A property of a vendor module as Maven sees it, e.g. {@code vendor.requiredOperations}: from the
   * vendor's pom, else from its parent {@code vendor-client/pom.xml}, with {@code ${...}} of the
   * vendor's own properties filled in.
   */
  static String vendorPomProperty(String vendor, String property) {
    Path pom = root().resolve(vendor + "-client/pom.xml");
    String value = property(pom, property);
    if (value == null) {
      value = property(root().resolve("vendor-client/pom.xml"), property);
    }
    if (value == null) {
      throw new IllegalStateException(pom + " and vendor-client/pom.xml have no <" + property + ">");
    }
    Matcher reference = Pattern.compile("\\$\\{(vendor\\.[^}]+)}").matcher(value);
    StringBuilder filled = new StringBuilder();
    while (reference.find()) {
      reference.appendReplacement(filled,
          Matcher.quoteReplacement(vendorPomProperty(vendor, reference.group(1))));
    }
    return reference.appendTail(filled).toString();
  }

  private static String property(Path pom, String property) {
    try {
      Matcher m =
          Pattern.compile("<" + Pattern.quote(property) + ">(.*?)</" + Pattern.quote(property) + ">")
              .matcher(Files.readString(pom));
      return m.find() ? m.group(1).strip() : null;
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
