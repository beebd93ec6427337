package dev.saasusers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "NUL            | 0000 | \\x00",
      "BEL            | 0007 | \\x07",
      "backspace      | 0008 | \\x08",
      "tab            | 0009 | \\t",
      "line feed      | 000a | \\n",
      "carriage ret.  | 000d | \\r",
      "ESC            | 001b | \\x1b",
      "DEL            | 007f | \\x7f",
      "C1 CSI         | 009b | \\x9b",
      "C1 NEL         | 0085 | \\x85",
      "ALM            | 061c | \\u061c",
      "RLM            | 200f | \\u200f",
      "RLO            | 202e | \\u202e",
      "LRE            | 202a | \\u202a",
      "RLI            | 2067 | \\u2067",
      "PDI            | 2069 | \\u2069",
      "line separator | 2028 | \\u2028",
      "lone surrogate | d800 | \\ud800",
  })
  void escapesEachUnsafeCharacter(String name, String hex, String escaped) {
    String unsafe = "a" + (char) Integer.parseInt(hex, 16) + "b";

    assertEquals("a" + escaped + "b", TerminalText.visible(unsafe));
  }

  @Test
  void terminalSequencesBecomeInert() {
    assertEquals("\\x1b[2J\\x1b[31mred\\x1b]0;title\\x07",
        TerminalText.visible("\u001b[2J\u001b[31mred\u001b]0;title\u0007"));
  }

  @Test
  void ordinaryTextIsReturnedAsItIs() {
    String text = "Zoë 山田 😀 👨‍👩‍👧 \\x1b O'Brien, Jr.";

    assertSame(text, TerminalText.visible(text));
    assertNull(TerminalText.visible(null));
  }

  @Test
  void csvVariantKeepsLineBreaksOnly() {
    assertEquals("two\r\nlines\\t\\x1b",
        TerminalText.visibleExceptLineBreaks("two\r\nlines\t\u001b"));
  }
}
