package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every handwritten Javadoc comment starts with a summary sentence (or {@code {@return ...}}),
 * never with a block tag, so no method summary renders blank. {@code scripts/javadoc-summaries}
 * fixes most by itself.
 */
class JavadocSummaryTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);

  @Test
  void noJavadocCommentOfTheHandwrittenSourcesStartsWithABlockTag() throws IOException {
    List<String> blank = new ArrayList<>();
    int comments = 0;
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(ROOT)) {
      sources = walk.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> ROOT.relativize(p).toString().matches("[^/]+/src/main/java/.*"))
          .toList();
    }
    for (Path source : sources) {
      String text = Files.readString(source);
      Matcher m = COMMENT.matcher(text);
      while (m.find()) {
        comments++;
        String body = m.group(1).replaceAll("(?m)^\\s*\\*\\s?", "").strip();
        if (body.startsWith("@")) {
          int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
          blank.add(ROOT.relativize(source) + ":" + line);
        }
      }
    }
    assertTrue(comments > 1000, "found only " + comments + " comments; the scan is wrong");
    assertEquals(List.of(), blank, "comments whose summary would render blank");
  }
}
