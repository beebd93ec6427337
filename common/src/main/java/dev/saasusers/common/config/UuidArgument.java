package dev.saasusers.common.config;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks an identifier that the vendor's spec declares as a UUID, before it reaches a URL path.
 */
public final class UuidArgument {
  private static final Pattern CANONICAL =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private UuidArgument() {
  }

  /**
   * {@return the UUID}
   *
   * @param name the option or variable that held the value, for the message
   * @param value the text to check
   * @throws IllegalArgumentException naming the option when the value is missing or not a
   *     canonical UUID (so {@code ../} or a short form never reaches a request)
   */
  public static UUID parse(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required and must be a UUID");
    }
    String trimmed = value.strip();
    if (!CANONICAL.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(name + " must be a UUID like "
          + "248df4b7-aa70-47b8-a036-33ac447e668d, was '" + printable(trimmed) + "'");
    }
    return UUID.fromString(trimmed);
  }

  private static String printable(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
