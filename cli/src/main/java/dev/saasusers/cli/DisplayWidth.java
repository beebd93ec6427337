package dev.saasusers.cli;

/**
 * How many terminal columns text takes, so that table columns line up on CJK, emoji and
 * combining marks: East Asian Wide and Fullwidth characters and emoji take two columns;
 * combining marks, format characters (zero-width joiner, variation selectors), skin-tone
 * modifiers after an emoji, the character after a zero-width joiner and the second regional
 * indicator of a flag take none.
 *
 * <p>Handwritten because the JDK has no East Asian Width property, ICU4J (which has it) is about
 * 14 MB for one table, and JLine's {@code WCWidth} comes inside a whole terminal library. The
 * wide ranges below are condensed from Unicode's EastAsianWidth.txt (W and F) and
 * emoji-data.txt (Emoji_Presentation); terminals themselves disagree on rarer emoji.
 * Expects text already passed through {@link TerminalText#visible(String)} (no controls).
 */
final class DisplayWidth {
  /** Inclusive code-point ranges, sorted, of characters two columns wide. */
  private static final int[] WIDE = {
      0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0,
      0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F,
      0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5,
      0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
      0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728,
      0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
      0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
      0x2E80, 0x303E, 0x3041, 0x33FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xA000, 0xA4CF,
      0xA960, 0xA97F, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE6F,
      0xFF00, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4, 0x17000, 0x18CFF, 0x1B000, 0x1B2FF,
      0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A,
      0x1F1E6, 0x1F1FF, 0x1F200, 0x1F2FF, 0x1F300, 0x1F320, 0x1F32D, 0x1F335,
      0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3,
      0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440,
      0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567,
      0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F,
      0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7,
      0x1F6DC, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB,
      0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1F9FF,
      0x1FA70, 0x1FAFF, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
  };
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private DisplayWidth() {
  }

  /**
   * {@return the columns it takes in a terminal}
   *
   * @param text text without control characters
   */
  static int of(String text) {
    return cutIndex(text, Integer.MAX_VALUE)[1];
  }

  /**
   * Cuts text to at most {@code columns} columns, ending it with an ellipsis when cut.
   *
   * @param text text without control characters
   * @param columns the width available, 1 or more
   * @return the text, or its longest prefix that fits with "…" appended
   */
  static String cut(String text, int columns) {
    if (of(text) <= columns) {
      return text;
    }
    int end = cutIndex(text, columns - 1)[0];
    return text.substring(0, end) + "…";
  }

  /**
   * {@return the text followed by spaces up to that width}
   *
   * @param text text without control characters, at most {@code columns} wide
   * @param columns the width to fill
   */
  static String pad(String text, int columns) {
    int width = of(text);
    return width >= columns ? text : text + " ".repeat(columns - width);
  }

  /** The end index of the longest prefix at most {@code limit} wide, and that prefix's width. */
  private static int[] cutIndex(String text, int limit) {
    int width = 0;
    int previous = -1;
    boolean flagOpen = false;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int w;
      if (previous == ZERO_WIDTH_JOINER || isZeroWidth(cp)
          || (isSkinTone(cp) && previous >= 0 && isWide(previous))) {
        w = 0;
      } else if (isRegionalIndicator(cp)) {
        w = flagOpen ? 0 : 2;
        flagOpen = !flagOpen;
      } else {
        w = isWide(cp) ? 2 : 1;
      }
      if (!isRegionalIndicator(cp)) {
        flagOpen = false;
      }
      if (width + w > limit) {
        break;
      }
      width += w;
      previous = cp;
      i += Character.charCount(cp);
    }
    return new int[] {i, width};
  }

  private static boolean isZeroWidth(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT || (cp >= 0x1160 && cp <= 0x11FF);
  }

  private static boolean isSkinTone(int cp) {
    return cp >= 0x1F3FB && cp <= 0x1F3FF;
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  static boolean isWide(int cp) {
    if (cp < WIDE[0]) {
      return false;
    }
    int lo = 0;
    int hi = WIDE.length / 2 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (cp < WIDE[2 * mid]) {
        hi = mid - 1;
      } else if (cp > WIDE[2 * mid + 1]) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }
}
