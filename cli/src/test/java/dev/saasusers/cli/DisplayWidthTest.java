package dev.saasusers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DisplayWidthTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ascii                | abc          | 3",
      "CJK ideographs       | 山田太郎       | 8",
      "hangul               | 김민준         | 6",
      "fullwidth latin      | ＡＢ           | 4",
      "katakana + ascii     | カタカナabc     | 11",
      "emoji                | 😀           | 2",
      "combining acute      | e\u0301      | 1",
      "combining on CJK     | 山\u0301      | 2",
      "ZWJ family           | 👨‍👩‍👧        | 2",
      "skin tone            | 👍🏽          | 2",
      "flag                 | 🇯🇵          | 2",
      "two flags            | 🇯🇵🇫🇷        | 4",
      "variation selector   | ☺\uFE0F      | 1",
  })
  void countsTerminalColumns(String name, String text, int columns) {
    assertEquals(columns, DisplayWidth.of(text), name);
  }

  @Test
  void cutNeverSplitsAWideCharacterAndEndsWithAnEllipsis() {
    assertEquals("山田…", DisplayWidth.cut("山田太郎", 6));
    assertEquals("山田…", DisplayWidth.cut("山田太郎", 5));
    assertEquals(5, DisplayWidth.of(DisplayWidth.cut("山田太郎", 5)));
    assertEquals("山田太郎", DisplayWidth.cut("山田太郎", 8));
  }

  @Test
  void cutKeepsCombiningMarksWithTheirBase() {
    assertEquals("e\u0301e\u0301…", DisplayWidth.cut("e\u0301e\u0301e\u0301e\u0301", 3));
  }

  @Test
  void padFillsToTheDisplayWidth() {
    assertEquals("山田  ", DisplayWidth.pad("山田", 6));
    assertEquals(6, DisplayWidth.of(DisplayWidth.pad("😀e\u0301", 6)));
  }
}
