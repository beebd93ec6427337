package dev.saasusers.cli;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.saasusers.common.http.JsonMapper;
import dev.saasusers.common.user.DirectoryUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The columns that csv and table can show for one vendor: the cross-vendor ones
 * ({@code vendor, id, email, first_name, last_name, name, roles, removed}) and every field of the
 * vendor's own JSON by its name, nested ones with dots ({@code permissions.role},
 * {@code workspaces.role}). The vendor's fields are read from its generated model class, so an
 * unknown name is refused before any request.
 */
final class Columns {
  /** One column: its header, its table width and how its text is taken from a row. */
  record Column(String name, int tableWidth, Function<Row, String> value) {
  }

  /** A listed user, with the vendor's JSON tree made once, when a vendor column asks for it. */
  static final class Row {
    private final UserRow row;
    private JsonNode tree;

    Row(UserRow row) {
      this.row = row;
    }

    DirectoryUser user() {
      return row.user();
    }

    JsonNode tree() {
      if (tree == null) {
        tree = Json.MAPPER.valueToTree(row.vendorModel());
      }
      return tree;
    }
  }

  /**
   * Made on first use: the default columns are all cross-vendor and need no mapper, and a
   * mapper costs about 40 ms of a cold start.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = JsonMapper.standard();
  }

  private static final int TEXT_WIDTH = 24;
  private static final int OBJECT_WIDTH = 40;

  /** The csv default, and the table's when it names a column per field. */
  static final List<String> CSV_DEFAULT =
      List.of("vendor", "id", "email", "first_name", "last_name", "roles", "removed");
  static final List<String> TABLE_DEFAULT = List.of("vendor", "id", "email", "name", "roles");

  private static final Map<String, Column> CROSS_VENDOR = new LinkedHashMap<>();

  static {
    cross("vendor", 9, u -> u.vendor());
    cross("id", 36, DirectoryUser::id);
    cross("email", 34, DirectoryUser::email);
    cross("first_name", 20, DirectoryUser::firstName);
    cross("last_name", 20, DirectoryUser::lastName);
    cross("name", 26, u -> {
      String name = ((u.firstName() == null ? "" : u.firstName()) + " "
          + (u.lastName() == null ? "" : u.lastName())).trim();
      return name.isEmpty() ? null : name; // shown as "-", like other missing values
    });
    cross("roles", 40, u -> String.join(";", u.roles()));
    cross("removed", 7, u -> u.removed() == null ? null : u.removed().toString());
  }

  private static void cross(String name, int width, Function<DirectoryUser, String> value) {
    CROSS_VENDOR.put(name, new Column(name, width, r -> value.apply(r.user())));
  }

  private Columns() {
  }

  /**
   * Resolves {@code --columns}.
   *
   * @param vendor the vendor listed
   * @param spec comma-separated names, {@code all}, or null for {@code defaults}
   * @param defaults the format's default names
   * @return the columns in the order asked
   * @throws UsageException naming the unknown column and the vendor's known names
   */
  static List<Column> resolve(Vendor vendor, String spec, List<String> defaults) {
    // The vendor's fields only when a name is not cross-vendor: introspecting the model costs
    // a cold start more than the whole first page.
    Map<String, Integer> fields = null;
    List<String> names;
    if (spec == null) {
      names = defaults;
    } else if (spec.trim().equals("all")) {
      fields = vendorFields(vendor);
      Set<String> all = new LinkedHashSet<>(CSV_DEFAULT);
      fields.forEach((name, width) -> {
        if (width > 0) {
          all.add(name);
        }
      });
      names = new ArrayList<>(all);
    } else {
      names = new ArrayList<>();
      for (String name : spec.split(",", -1)) {
        String trimmed = name.trim();
        if (trimmed.isEmpty()) {
          throw new UsageException("--columns has an empty name: '" + spec + "'");
        }
        names.add(trimmed);
      }
    }
    List<Column> columns = new ArrayList<>();
    for (String name : names) {
      Column cross = CROSS_VENDOR.get(name);
      if (cross != null) {
        columns.add(cross);
        continue;
      }
      if (fields == null) {
        fields = vendorFields(vendor);
      }
      if (fields.containsKey(name)) {
        String[] path = name.split("\\.");
        int width = fields.get(name) > 0 ? fields.get(name) : OBJECT_WIDTH;
        columns.add(new Column(name, Math.max(width, name.length()),
            r -> text(r.tree(), path, 0)));
      } else {
        throw new UsageException("unknown column '" + TerminalText.visible(name) + "' for "
            + vendor.id() + "; known: " + String.join(", ", known(fields)) + " (or all)");
      }
    }
    return columns;
  }

  private static List<String> known(Map<String, Integer> fields) {
    Set<String> names = new LinkedHashSet<>(CROSS_VENDOR.keySet());
    names.addAll(fields.keySet());
    return new ArrayList<>(names);
  }

  /**
   * Every field name of the vendor's JSON, in the API's order, with its table width: leaves by
   * their type; objects and arrays of objects (shown as compact JSON when named) get 0, and
   * {@code all} leaves them out in favour of their leaves.
   */
  static Map<String, Integer> vendorFields(Vendor vendor) {
    Map<String, Integer> fields = new LinkedHashMap<>();
    collect(Json.MAPPER.constructType(vendor.modelClass()), "", fields, 0);
    return fields;
  }

  private static void collect(JavaType type, String prefix, Map<String, Integer> out,
      int depth) {
    BeanDescription bean = Json.MAPPER.getSerializationConfig().introspect(type);
    for (BeanPropertyDefinition property : bean.findProperties()) {
      if (!property.couldSerialize()) {
        continue;
      }
      String name = prefix + property.getName();
      JavaType propertyType = property.getPrimaryType();
      if (propertyType.isReferenceType()) {
        propertyType = propertyType.getReferencedType(); // JsonNullable<T>
      }
      JavaType element = propertyType.isContainerType() && propertyType.getContentType() != null
          ? propertyType.getContentType() : propertyType;
      if (isModel(element) && depth < 4) {
        out.put(name, 0);
        collect(element, name + ".", out, depth + 1);
      } else {
        out.put(name, widthOf(element.getRawClass()));
      }
    }
  }

  /** Wide enough for the values of a type: an ISO timestamp with offset, a UUID, a flag. */
  private static int widthOf(Class<?> type) {
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return 29;
    }
    if (type == java.util.UUID.class) {
      return 36;
    }
    if (type == Boolean.class || type == boolean.class) {
      return 5;
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return 12;
    }
    return TEXT_WIDTH;
  }

  /** A generated model of a vendor's API, which is flattened, not shown as one value. */
  private static boolean isModel(JavaType type) {
    Class<?> raw = type.getRawClass();
    return raw.getName().startsWith("dev.saasusers.") && raw.getName().contains(".model.")
        && !raw.isEnum();
  }

  /**
   * The text of the field at {@code path}: a scalar as written, values found across an array
   * joined with ';', an object or an array of objects as compact JSON, null when absent.
   */
  static String text(JsonNode node, String[] path, int from) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (from == path.length) {
      return scalarOrJson(node);
    }
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode element : node) {
        String part = text(element, path, from);
        if (part != null) {
          parts.add(part);
        }
      }
      return parts.isEmpty() ? null : String.join(";", parts);
    }
    return text(node.get(path[from]), path, from + 1);
  }

  private static String scalarOrJson(JsonNode node) {
    if (node.isValueNode()) {
      return node.asText();
    }
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode element : node) {
        if (!element.isValueNode()) {
          return node.toString();
        }
        parts.add(element.asText());
      }
      return String.join(";", parts);
    }
    return node.toString();
  }
}
