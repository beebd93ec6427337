package dev.saasusers.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * JSON escapes for jsonl: Jackson already escapes C0 controls; this also writes DEL, C1 controls,
 * bidi controls and U+2028/U+2029 as {@code \}{@code uXXXX}, so the line is safe to print and the
 * values still decode to exactly what the vendor sent.
 */
final class SafeJsonEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;
  static final SafeJsonEscapes INSTANCE = new SafeJsonEscapes();

  private final int[] asciiEscapes = CharacterEscapes.standardAsciiEscapesForJSON();

  private SafeJsonEscapes() {
    asciiEscapes[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return asciiEscapes;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    if ((ch >= 0x80 && ch <= 0x9f) || TerminalText.isBidiControl((char) ch)
        || ch == 0x2028 || ch == 0x2029) {
      return new com.fasterxml.jackson.core.io.SerializedString(
          String.format("\\u%04x", ch));
    }
    return null;
  }
}
