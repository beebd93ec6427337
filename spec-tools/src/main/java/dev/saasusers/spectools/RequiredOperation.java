package dev.saasusers.spectools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An operation a facade calls: its operationId in the vendor's spec and, for messages, where the
 * facade expects it.
 *
 * @param operationId the operationId exactly as the spec spells it (before any name mapping)
 * @param endpoint the expected method and path, e.g. {@code GET /public/v1/users}, or empty
 */
public record RequiredOperation(String operationId, String endpoint) {

  /** Checks the fields. */
  public RequiredOperation {
    if (operationId == null || operationId.isBlank()) {
      throw new IllegalArgumentException("required operation has an empty operationId");
    }
    endpoint = endpoint == null ? "" : endpoint.strip();
  }

  /**
   * Parses a list like {@code "listUsers=GET /public/v1/users, other"}: entries separated by
   * commas, each an operationId optionally followed by {@code =METHOD /path}.
   *
   * @param list the list, as written in a vendor pom property
   * @return the operations, in order
   * @throws IllegalArgumentException if the list is empty or an entry has no operationId
   */
  public static List<RequiredOperation> parseList(String list) {
    List<RequiredOperation> operations = new ArrayList<>();
    for (String entry : (list == null ? "" : list).split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      String id = (eq < 0 ? entry : entry.substring(0, eq)).strip();
      String endpoint = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (!endpoint.isEmpty()) {
        int space = endpoint.indexOf(' ');
        endpoint =
            space < 0
                ? endpoint
                : endpoint.substring(0, space).toUpperCase(Locale.ROOT)
                    + " "
                    + endpoint.substring(space + 1).strip();
      }
      operations.add(new RequiredOperation(id, endpoint));
    }
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("no required operations given: '" + list + "'");
    }
    return operations;
  }
}
