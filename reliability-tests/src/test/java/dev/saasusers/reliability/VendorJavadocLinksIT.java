package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A vendor's published Javadoc links common's types ({@code PagedIterable}, {@code DirectoryUser},
 * {@code VendorClient}, ...) into common's Javadoc instead of printing their qualified names as
 * plain text. It reads the pages of the facade's package from the vendor's javadoc jar and
 * follows every link into common: a relative one (the build's default, see
 * {@code common.javadoc.url} in vendor-client/pom.xml) must reach a page that common's Javadoc
 * has. An integration test: the javadoc jars are written at {@code package}.
 */
class VendorJavadocLinksIT {
  private static final Path ROOT = Path.of(System.getProperty("saasusers.root", "..")).normalize();
  private static final String VERSION = System.getProperty("saasusers.version", "0.1.0-SNAPSHOT");
  private static final Path COMMON_APIDOCS = ROOT.resolve("common/target/reports/apidocs");
  /** Where the javadoc plugin wrote a module's pages: relative links are resolved from there. */
  private static final String APIDOCS = "target/reports/apidocs";
  private static final Pattern HREF = Pattern.compile("<a href=\"([^\"#]*)[^\"]*\"");
  private static final Pattern ANCHOR = Pattern.compile("<a\\b[^>]*>.*?</a>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  /** A common type named outside every link (anchors and tags taken out): it was not linked. */
  private static final Pattern UNLINKED = Pattern.compile("dev\\.saasusers\\.common\\.(?:[a-z]\\w*\\.)*[A-Z]\\w*");

  /** Each vendor module and its facade's package. */
  private static final Map<String, String> VENDORS = new TreeMap<>(Map.of(
      "polytomic-client", "dev/saasusers/polytomic/PolytomicClient",
      "datagrid-client", "dev/saasusers/datagrid/DatagridClient",
      "pandadoc-client", "dev/saasusers/pandadoc/PandaDocClient",
      "podero-client", "dev/saasusers/podero/PoderoClient"));

  static Stream<String> vendors() {
    return VENDORS.keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void theFacadesPagesLinkCommonsTypesIntoCommonsJavadoc(String module) throws IOException {
    Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-javadoc.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is not built: run ./mvnw verify");
    String client = VENDORS.get(module) + ".html";
    String facadePackage = client.substring(0, client.lastIndexOf('/') + 1);
    Path pagesRoot = ROOT.resolve(module).resolve(APIDOCS);
    TreeSet<String> linkedCommonPages = new TreeSet<>();
    int pages = 0;
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().toList()) {
        String name = entry.getName();
        boolean facadePage = name.startsWith(facadePackage) && name.endsWith(".html")
            && name.indexOf('/', facadePackage.length()) < 0;
        if (!facadePage) {
          continue;
        }
        pages++;
        String html = read(file, entry);
        Matcher unlinked = UNLINKED.matcher(
            TAG.matcher(ANCHOR.matcher(html).replaceAll(" ")).replaceAll(" "));
        assertFalse(unlinked.find(), () -> name + " names " + unlinked.group() + " without a link");
        for (String href : commonHrefs(html)) {
          assertFalse(URI.create(href).isAbsolute(), name + " links " + href
              + ": the build links common's Javadoc in the build tree (common.javadoc.url)");
          Path target = pagesRoot.resolve(name).getParent().resolve(href).normalize();
          assertTrue(target.startsWith(COMMON_APIDOCS) && Files.isRegularFile(target),
              name + " links " + href + ", which is not a page of common's Javadoc: " + target);
          linkedCommonPages.add(COMMON_APIDOCS.relativize(target).toString().replace('\\', '/'));
        }
      }
    }
    assertTrue(pages >= 3, module + ": facade pages in " + jar + ": " + pages);
    for (String type : List.of("paging/PagedIterable.html", "user/DirectoryUser.html")) {
      assertTrue(linkedCommonPages.contains("dev/saasusers/common/" + type),
          module + " does not link common's " + type + "; it links " + linkedCommonPages);
    }
  }

  /** The hrefs of a page that point into common's Javadoc. */
  private static List<String> commonHrefs(String html) {
    List<String> hrefs = new ArrayList<>();
    Matcher m = HREF.matcher(html);
    while (m.find()) {
      if (m.group(1).contains("/dev/saasusers/common/")) {
        hrefs.add(m.group(1));
      }
    }
    return hrefs;
  }

  private static String read(JarFile file, JarEntry entry) throws IOException {
    try (InputStream in = file.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
