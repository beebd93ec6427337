package dev.saasusers.common.http;

import java.util.List;
import java.util.Objects;

/**
 * What the HTTP core needs to know about a vendor: its id (in the User-Agent and listener
 * events), its display name (in exception messages) and which JSON fields of its error bodies
 * carry the message.
 *
 * <pre>{@code
 * static final VendorProfile DATAGRID = VendorProfile.of("datagrid", "Datagrid");
 * }</pre>
 */
public final class VendorProfile {
  private static final List<String> DEFAULT_MESSAGE_FIELDS =
      List.of("message", "detail", "error_description", "error", "title");

  private final String id;
  private final String displayName;
  private final List<String> errorMessageFields;

  private VendorProfile(String id, String displayName, List<String> errorMessageFields) {
    this.id = id;
    this.displayName = displayName;
    this.errorMessageFields = errorMessageFields;
  }

  /**
   * {@return a profile that reads error messages from {@code message}, {@code detail}, {@code
   *     error_description}, {@code error} and {@code title}, in that order}
   *
   * @param id short lower-case id, for example {@code datagrid}
   * @param displayName the vendor's name as people write it, for example {@code Datagrid}
   */
  public static VendorProfile of(String id, String displayName) {
    if (id == null || !id.matches("[a-z0-9][a-z0-9._-]*")) {
      throw new IllegalArgumentException("vendor id must be lower-case letters and digits: " + id);
    }
    if (displayName == null || displayName.isBlank()) {
      throw new IllegalArgumentException("vendor displayName is blank");
    }
    return new VendorProfile(id, displayName, DEFAULT_MESSAGE_FIELDS);
  }

  /**
   * {@return a copy using those fields}
   *
   * @param jsonFields the top-level JSON fields of an error body that carry the message, tried in
   *     order
   */
  public VendorProfile errorMessageFields(String... jsonFields) {
    if (jsonFields == null || jsonFields.length == 0) {
      throw new IllegalArgumentException("errorMessageFields needs at least one field");
    }
    return new VendorProfile(id, displayName, List.of(jsonFields));
  }

  /** {@return the vendor id} */
  public String id() {
    return id;
  }

  /** {@return the vendor's display name} */
  public String displayName() {
    return displayName;
  }

  /** {@return the JSON fields that carry an error message, in order} */
  public List<String> errorMessageFields() {
    return errorMessageFields;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VendorProfile v && id.equals(v.id)
        && displayName.equals(v.displayName) && errorMessageFields.equals(v.errorMessageFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, displayName, errorMessageFields);
  }

  @Override
  public String toString() {
    return "VendorProfile{" + id + ", " + displayName + "}";
  }
}
