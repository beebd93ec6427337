package dev.saasusers.cli;

/**
 * Makes untrusted text safe to show: control characters (C0, DEL, C1), bidi controls and line
 * or paragraph separators become visible escapes such as {@code \x1b} or {@code \u202e}, so a
 * vendor's value can neither drive a terminal (clear the screen, set the title, ring the bell)
 * nor reorder what a reader sees. Tab, line feed and carriage return become {@code \t},
 * {@code \n} and {@code \r}. Everything else, including a backslash, is kept as it is, so
 * ordinary text reads unchanged.
 */
public final class TerminalText {
  private TerminalText() {
  }

  /**
   * {@return the text with every control, bidi-control and separator character escaped; null for
   *     null; the same instance when nothing needed escaping}
   *
   * @param text untrusted text, or null
   */
  public static String visible(String text) {
    return escape(text, false);
  }

  /**
   * Like {@link #visible(String)} but keeps line feeds and carriage returns, for formats that
   * quote line breaks (CSV).
   *
   * @param text untrusted text, or null
   * @return the escaped text; null for null
   */
  public static String visibleExceptLineBreaks(String text) {
    return escape(text, true);
  }

  /**
   * {@return whether {@link #visible(String)} escapes it}
   *
   * @param c a UTF-16 code unit
   */
  static boolean needsEscape(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || isBidiControl(c) || c == '\u2028'
        || c == '\u2029' || Character.isSurrogate(c);
  }

  /** U+061C, U+200E/F, U+202A..U+202E and U+2066..U+2069: they reorder text around them. */
  static boolean isBidiControl(char c) {
    return c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static String escape(String text, boolean keepLineBreaks) {
    if (text == null) {
      return null;
    }
    int first = firstToEscape(text, keepLineBreaks);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (keepLineBreaks && (c == '\n' || c == '\r')) {
        out.append(c);
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i)); // a well-formed pair: an ordinary character
      } else if (!needsEscape(c)) {
        out.append(c);
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c <= 0xff) {
        out.append("\\x").append(hex(c, 2));
      } else {
        out.append("\\u").append(hex(c, 4));
      }
    }
    return out.toString();
  }

  private static int firstToEscape(String text, boolean keepLineBreaks) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (needsEscape(c) && !(keepLineBreaks && (c == '\n' || c == '\r'))) {
        return i;
      }
    }
    return -1;
  }

  private static String hex(int value, int digits) {
    String h = Integer.toHexString(value);
    return "0".repeat(digits - h.length()) + h;
  }
}
