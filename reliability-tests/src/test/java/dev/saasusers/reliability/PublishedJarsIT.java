package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every published jar names its module in {@code Automatic-Module-Name}, with a valid name that
 * the JDK accepts, and the library jars share no package, so they sit together on a module path.
 * An integration test: it reads the jars the reactor built, after {@code package} (run by
 * {@code ./mvnw verify}); every published module is upstream of this one.
 */
class PublishedJarsIT {
  private static final Path ROOT = Path.of(System.getProperty("saasusers.root", "..")).normalize();
  private static final String VERSION = System.getProperty("saasusers.version", "0.1.0-SNAPSHOT");

  /** Each published module and the module name its jar must declare. */
  private static final Map<String, String> PUBLISHED = new TreeMap<>(Map.of(
      "common", "dev.saasusers.common",
      "spec-tools", "dev.saasusers.spectools",
      "polytomic-client", "dev.saasusers.polytomic",
      "datagrid-client", "dev.saasusers.datagrid",
      "pandadoc-client", "dev.saasusers.pandadoc",
      "podero-client", "dev.saasusers.podero",
      "testing", "dev.saasusers.testing",
      "cli", "dev.saasusers.cli"));

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  /** The text of each element named {@code tag}, anywhere in the document. */
  private static List<String> texts(Document pom, String tag) {
    NodeList nodes = pom.getElementsByTagName(tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim());
    }
    return texts;
  }

  /** The text of {@code tag} directly under the project element, or null. */
  private static String own(Document pom, String tag) {
    NodeList children = pom.getDocumentElement().getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  private static Path jarOf(String module) {
    return ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
  }

  static Stream<String> published() {
    return PUBLISHED.keySet().stream();
  }

  @Test
  void theListHereIsEveryModuleThatPublishesAJar() throws Exception {
    // Published: a jar module that does not skip deploy. A new one must be named above.
    Set<String> publishing = new TreeSet<>();
    for (String module : texts(xml(ROOT.resolve("pom.xml")), "module")) {
      Document pom = xml(ROOT.resolve(module).resolve("pom.xml"));
      boolean jar = own(pom, "packaging") == null || "jar".equals(own(pom, "packaging"));
      if (jar && !texts(pom, "maven.deploy.skip").contains("true")) {
        publishing.add(module);
      }
    }
    assertEquals(PUBLISHED.keySet(), publishing);
    Set<String> inBom = new HashSet<>(texts(xml(ROOT.resolve("bom/pom.xml")), "artifactId"));
    inBom.remove("bom");
    assertTrue(PUBLISHED.keySet().containsAll(inBom), "the bom aligns only published jars: " + inBom);
  }

  @ParameterizedTest
  @MethodSource("published")
  void theJarNamesItsModule(String module) throws IOException {
    assertModuleName(jarOf(module), PUBLISHED.get(module));
  }

  @Test
  void theRunnableCliJarNamesItsModuleToo() throws IOException {
    assertModuleName(ROOT.resolve("cli/target/users-cli.jar"), PUBLISHED.get("cli"));
  }

  private static void assertModuleName(Path jar, String expected) throws IOException {
    assertTrue(Files.isRegularFile(jar), jar + " is not built: run ./mvnw verify");
    try (JarFile file = new JarFile(jar.toFile())) {
      assertEquals(expected,
          file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"), jar.toString());
    }
    // The JDK's own reading: it refuses an invalid name (FindException).
    Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
    assertEquals(1, found.size(), jar.toString());
    ModuleDescriptor descriptor = found.iterator().next().descriptor();
    assertEquals(expected, descriptor.name());
    assertTrue(descriptor.isAutomatic(), jar + " has a module-info: this check expects none");
  }

  @Test
  void theLibrariesShareNoPackageAndResolveTogether() {
    // cli's runnable jar holds every library's classes: an application, not for a module path.
    Path[] jars = PUBLISHED.keySet().stream().filter(m -> !m.equals("cli"))
        .map(PublishedJarsIT::jarOf).toArray(Path[]::new);
    ModuleFinder finder = ModuleFinder.of(jars);
    Map<String, String> owner = new TreeMap<>();
    for (ModuleReference ref : finder.findAll()) {
      for (String pkg : ref.descriptor().packages()) {
        String before = owner.put(pkg, ref.descriptor().name());
        assertEquals(null, before, "package " + pkg + " is split between " + before + " and "
            + ref.descriptor().name());
      }
    }
    Set<String> names = new TreeSet<>();
    finder.findAll().forEach(ref -> names.add(ref.descriptor().name()));
    assertEquals(jars.length, names.size(), "one module per jar, no name twice: " + names);
    // Throws on a conflict; the boot layer supplies java.base.
    ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), names);
  }
}
