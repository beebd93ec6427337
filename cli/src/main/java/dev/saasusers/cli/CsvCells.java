package dev.saasusers.cli;

/**
 * What a CSV cell may hold when a spreadsheet opens the file: no control or bidi-control
 * characters (line breaks stay, the writer quotes them) and, with the guard, no leading formula
 * character.
 */
final class CsvCells {
  private CsvCells() {
  }

  /**
   * {@return the cell text: controls made visible, then a leading {@code '} added when the text
   *     starts with {@code = + - @}, tab or carriage return (OWASP); null for null}
   *
   * @param value a vendor value, or null
   * @param formulaGuard whether to neutralise formula cells
   */
  static String clean(String value, boolean formulaGuard) {
    String text = TerminalText.visibleExceptLineBreaks(value);
    return formulaGuard && startsLikeFormula(text) ? "'" + text : text;
  }

  static boolean startsLikeFormula(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /**
   * Undoes the guard when reading a cell back: a {@code '} before a formula character goes.
   *
   * @param cell a cell as written by {@link #clean(String, boolean)} with the guard on
   * @return the cleaned value without the guard's quote
   */
  static String unguard(String cell) {
    if (cell != null && cell.length() > 1 && cell.charAt(0) == '\''
        && startsLikeFormula(cell.substring(1))) {
      return cell.substring(1);
    }
    return cell;
  }
}
