package dev.saasusers.common.paging;

import dev.saasusers.common.http.IncompleteResponseException;
import dev.saasusers.common.http.RawResponse;
import dev.saasusers.common.http.VendorProfile;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a list operation's spec says about the field holding its items: its name, and whether
 * {@code null} is a valid value (then it is an empty list) or not (then the answer cannot be
 * trusted and fails with an {@link IncompleteResponseException}, which is retried). A missing
 * body is never valid. Whether the field may be absent is the spec's {@code required} list,
 * which the decoder checks from the generated model; this class covers what is left: a body
 * that is JSON {@code null} or empty, and a field that is present but {@code null}.
 *
 * <pre>{@code
 * ItemsField.notNull(VENDOR, "listUsers", "data");        // Datagrid: data is a non-null array
 * ItemsField.nullMeansEmpty(VENDOR, "listUsers", "data"); // Polytomic: type [array, 'null']
 * ItemsField.wholeBody(VENDOR, "listUsers");              // Podero: the body is the array
 * }</pre>
 */
public final class ItemsField {
  /** A strategy not told its field: null items are refused, the message names no field. */
  static final ItemsField UNNAMED = new ItemsField(null, "listing", "items", false);

  private final String vendor;
  private final String operation;
  private final String name;
  private final boolean nullMeansEmpty;

  private ItemsField(String vendor, String operation, String name, boolean nullMeansEmpty) {
    this.vendor = vendor;
    this.operation = operation;
    this.name = name;
    this.nullMeansEmpty = nullMeansEmpty;
  }

  /**
   * A field whose schema does not allow {@code null}.
   *
   * @param vendor the vendor, named in messages
   * @param operation the operation, for example {@code listUsers}
   * @param field the JSON name of the items field, for example {@code data}
   * @return the description
   */
  public static ItemsField notNull(VendorProfile vendor, String operation, String field) {
    return new ItemsField(Objects.requireNonNull(vendor, "vendor").displayName(),
        Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(field, "field"),
        false);
  }

  /**
   * A field whose schema allows {@code null} (OpenAPI 3.1 {@code type: [array, 'null']}, 3.0
   * {@code nullable: true}): null, like an absent optional field, is an empty list.
   *
   * @param vendor the vendor, named in messages
   * @param operation the operation
   * @param field the JSON name of the items field
   * @return the description
   */
  public static ItemsField nullMeansEmpty(VendorProfile vendor, String operation, String field) {
    return new ItemsField(Objects.requireNonNull(vendor, "vendor").displayName(),
        Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(field, "field"),
        true);
  }

  /**
   * The body itself is the array of items, and not nullable.
   *
   * @param vendor the vendor, named in messages
   * @param operation the operation
   * @return the description
   */
  public static ItemsField wholeBody(VendorProfile vendor, String operation) {
    return new ItemsField(Objects.requireNonNull(vendor, "vendor").displayName(),
        Objects.requireNonNull(operation, "operation"), null, false);
  }

  /** {@return true when a {@code null} field is an empty list} */
  public boolean nullMeansEmpty() {
    return nullMeansEmpty;
  }

  /**
   * The items of an answer, refusing one that cannot be trusted.
   *
   * @throws IncompleteResponseException when the body is missing, or the items are null where
   *     the spec does not allow it
   */
  <R, T> List<T> itemsOf(RawResponse<R> response, Function<? super R, ? extends List<T>> items) {
    R body = response == null ? null : response.data();
    if (body == null) {
      throw incomplete(response, "body", "has no body (empty or JSON null)");
    }
    List<T> list = items.apply(body);
    if (list == null) {
      if (nullMeansEmpty) {
        return List.of();
      }
      if (name == null) {
        throw incomplete(response, "body", "has no list (the body is not an array)");
      }
      throw incomplete(response, name, "has no \"" + name + "\" list (null, which the API spec"
          + " does not allow)");
    }
    return list;
  }

  private IncompleteResponseException incomplete(RawResponse<?> response, String missing,
      String what) {
    int status = response == null ? 0 : response.statusCode();
    String prefix = vendor == null ? operation : vendor + " " + operation;
    return new IncompleteResponseException(prefix + " failed: HTTP " + status + " response "
        + what, status, missing);
  }

  @Override
  public String toString() {
    return "ItemsField{" + (name == null ? "(body)" : name)
        + (nullMeansEmpty ? ", null means empty" : ", not null") + "}";
  }
}
