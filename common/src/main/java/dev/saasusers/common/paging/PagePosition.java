package dev.saasusers.common.paging;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a page starts: a cursor token, a page number, both, or the start of the listing.
 * Immutable; {@link #asString()} is a stable form that {@link #parse(String)} reads back, so a
 * position can live inside a checkpoint.
 *
 * <pre>{@code
 * PagePosition.ofToken("usr_42");   // after (or before) usr_42
 * PagePosition.ofPageNumber(3);     // page 3, 1-based
 * }</pre>
 */
public final class PagePosition {
  private static final PagePosition START = new PagePosition(null, 0);

  private final String token;
  private final int pageNumber; // 0 = none

  private PagePosition(String token, int pageNumber) {
    this.token = token;
    this.pageNumber = pageNumber;
  }

  /** {@return the start of a listing: no token, no page number} */
  public static PagePosition start() {
    return START;
  }

  /**
   * {@return the position at that cursor}
   *
   * @param token a cursor, for example the id of the last item of the previous page
   * @throws IllegalArgumentException when the token is null or empty
   */
  public static PagePosition ofToken(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("cursor token must not be null or empty");
    }
    return new PagePosition(token, 0);
  }

  /**
   * {@return the position of that page}
   *
   * @param pageNumber a 1-based page number
   * @throws IllegalArgumentException when the number is below 1
   */
  public static PagePosition ofPageNumber(int pageNumber) {
    if (pageNumber < 1) {
      throw new IllegalArgumentException("page number must be >= 1, was " + pageNumber);
    }
    return new PagePosition(null, pageNumber);
  }

  /** {@return the cursor token, if this position has one} */
  public Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /** {@return the 1-based page number, if this position has one} */
  public OptionalInt pageNumber() {
    return pageNumber == 0 ? OptionalInt.empty() : OptionalInt.of(pageNumber);
  }

  /** {@return true for {@link #start()}} */
  public boolean isStart() {
    return token == null && pageNumber == 0;
  }

  /**
   * The stable string form: {@code ^} for the start, {@code #3} for page 3, {@code @usr_42} for
   * a token.
   *
   * @return a form {@link #parse(String)} reads back
   */
  public String asString() {
    if (isStart()) {
      return "^";
    }
    return pageNumber != 0 ? "#" + pageNumber : "@" + token;
  }

  /**
   * {@return the position}
   *
   * @param text a form written by {@link #asString()}
   * @throws IllegalArgumentException when the text is not such a form
   */
  public static PagePosition parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("page position is empty");
    }
    switch (text.charAt(0)) {
      case '^':
        if (text.length() == 1) {
          return START;
        }
        break;
      case '@':
        if (text.length() > 1) {
          return ofToken(text.substring(1));
        }
        break;
      case '#':
        try {
          return ofPageNumber(Integer.parseInt(text.substring(1)));
        } catch (NumberFormatException e) {
          break;
        }
      default:
        break;
    }
    throw new IllegalArgumentException("not a page position: '" + text + "'");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PagePosition other
        && pageNumber == other.pageNumber && Objects.equals(token, other.token);
  }

  @Override
  public int hashCode() {
    return Objects.hash(token, pageNumber);
  }

  /** {@return the stable string form; a cursor is an item id, never a secret} */
  @Override
  public String toString() {
    return asString();
  }
}
