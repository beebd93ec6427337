package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block of the READMEs compiles as written, against this build's jars.
 *
 * <p>A block is the body of a method in a class that has the usual imports and, as fields, the
 * four clients ({@code polytomic}, {@code datagrid}, {@code pandadoc}, {@code podero}); a block
 * may declare its own under the same names. An HTML comment right before a block can say more:
 * {@code <!-- snippet: context <members> -->} adds fields or methods the block uses,
 * {@code <!-- snippet: class -->} makes the block the class body itself (fields, test methods),
 * {@code <!-- snippet: skip <why> -->} leaves it out, with the reason in the README.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern BLOCK = Pattern.compile(
      "(?:<!--\\s*snippet:\\s*(\\w+)\\s*(.*?)-->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);
  private static final List<String> IMPORTS = List.of(
      "dev.saasusers.common.auth.*", "dev.saasusers.common.client.*", "dev.saasusers.common.config.*",
      "dev.saasusers.common.http.*", "dev.saasusers.common.http.ClientListener.*",
      "dev.saasusers.common.paging.*", "dev.saasusers.common.user.*",
      "dev.saasusers.polytomic.*", "dev.saasusers.polytomic.model.*",
      "dev.saasusers.datagrid.*", "dev.saasusers.datagrid.model.*",
      "dev.saasusers.pandadoc.*", "dev.saasusers.pandadoc.model.*", "dev.saasusers.pandadoc.api.*",
      "dev.saasusers.podero.*", "dev.saasusers.podero.model.*",
      "dev.saasusers.testing.*", "java.time.*", "java.util.*", "java.util.function.*",
      "java.util.concurrent.*", "org.junit.jupiter.api.*", "org.junit.jupiter.api.extension.*",
      "static org.junit.jupiter.api.Assertions.*");
  private static final String CLIENT_FIELDS = "PolytomicClient polytomic; DatagridClient datagrid;"
      + " PandaDocClient pandadoc; PoderoClient podero;";

  /** One block: where it is, how it is wrapped, its text. */
  record Snippet(Path file, int line, String mode, String context, String code) {
    String name() {
      return ROOT.relativize(file) + ":" + line;
    }

    String source(String className) {
      String imports = IMPORTS.stream().map(i -> "import " + i + ";").collect(Collectors.joining("\n"));
      String body = mode.equals("class") ? code
          : CLIENT_FIELDS + "\n" + context + "\nvoid snippet() throws Exception {\n" + code + "\n}";
      return imports + "\n@SuppressWarnings(\"all\") class " + className + " {\n" + body + "\n}\n";
    }
  }

  static List<Snippet> snippets() throws IOException {
    List<Path> readmes = new ArrayList<>();
    readmes.add(ROOT.resolve("README.md"));
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules.map(m -> m.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(readmes::add);
    }
    List<Snippet> found = new ArrayList<>();
    for (Path readme : readmes) {
      String text = Files.readString(readme, StandardCharsets.UTF_8);
      Matcher m = BLOCK.matcher(text);
      while (m.find()) {
        int line = (int) text.substring(0, m.start(3)).chars().filter(c -> c == '\n').count() + 1;
        String mode = m.group(1) == null ? "method" : m.group(1).toLowerCase(Locale.ROOT);
        found.add(new Snippet(readme, line, mode, m.group(2) == null ? "" : m.group(2).strip(), m.group(3)));
      }
    }
    return found;
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockOfTheReadmesCompiles() throws IOException {
    List<Snippet> all = snippets();
    assertTrue(all.size() >= 10, "found only " + all.size() + " java blocks; the pattern is wrong");
    assertTrue(all.stream().anyMatch(s -> s.code().contains("PolytomicClient"))
        && all.stream().anyMatch(s -> s.code().contains("PoderoClient")), "all four vendors' snippets");
    return all.stream().map(s -> DynamicTest.dynamicTest(s.name() + " (" + s.mode() + ")", () -> {
      if (s.mode().equals("skip")) {
        assertFalse(s.context().isBlank(), s.name() + ": a skipped block says why");
        return;
      }
      String source = s.source("Snippet" + s.line());
      // Diagnostics name README lines: the block starts that many lines into the source.
      int offset = (int) source.substring(0, source.indexOf(s.code())).chars().filter(c -> c == '\n').count();
      List<String> errors = compile("Snippet" + s.line(), source, s.line() - offset - 1);
      assertTrue(errors.isEmpty(), s.name() + " does not compile:\n" + String.join("\n", errors)
          + "\n--- as compiled ---\n" + s.code());
    }));
  }

  private static List<String> compile(String className, String source, int lineShift) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    Path out;
    try {
      out = Files.createTempDirectory("snippet");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
        "-d", out.toString(), "-proc:none", "-Xlint:none");
    boolean ok = javac.getTask(new StringWriter(), null, diagnostics, options, null, List.of(file)).call();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add("README line " + (d.getLineNumber() + lineShift) + ": " + d.getMessage(Locale.ROOT));
      }
    }
    if (!ok && errors.isEmpty()) {
      errors.add("javac failed without a diagnostic");
    }
    return errors;
  }
}
