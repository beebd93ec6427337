package dev.saasusers.spectools;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares a committed spec with a candidate and reports added, removed and changed operations,
 * parameters, schemas and schema fields, marking what breaks this SDK.
 *
 * <p>Written on Jackson trees rather than on openapi-diff, because openapi-diff 2.1.7 misses
 * schema changes in OpenAPI 3.1 documents (removed fields and changed types went unreported for
 * Polytomic's spec). It understands 3.0 {@code nullable: true}, 3.1 {@code type: [X, 'null']} and
 * {@code anyOf/oneOf: [X, {type: 'null'}]} alike.
 *
 * <p>Breaking: a removed operation, schema, field, parameter or 2xx response; a renamed
 * operationId (the generated method is renamed); any change of a field's non-null type (the
 * generated Java type changes); nullable becoming non-null; a Java-relevant format change; a
 * removed enum value; a new required parameter, or a field becoming required in a request.
 */
public final class SpecDiff {

  /** Formats that change the Java type the generator picks. */
  private static final Set<String> JAVA_TYPE_FORMATS =
      Set.of("uuid", "date", "date-time", "int32", "int64", "float", "double", "binary", "byte",
          "uri", "decimal");

  private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

  private enum Side {
    REQUEST,
    RESPONSE
  }

  private record Shape(Set<String> types, boolean nullable, String format, List<String> enumValues) {}

  private final SpecDocument oldSpec;
  private final SpecDocument newSpec;
  private final List<SpecChange> changes = new ArrayList<>();
  private final Set<String> requestSchemas = new LinkedHashSet<>();

  private SpecDiff(SpecDocument oldSpec, SpecDocument newSpec) {
    this.oldSpec = oldSpec;
    this.newSpec = newSpec;
  }

  /**
   * Compares two spec files.
   *
   * @param oldFile the committed spec
   * @param newFile the candidate spec
   * @return the report
   * @throws SpecReadException if either file cannot be read or parsed
   */
  public static SpecDiffReport compare(Path oldFile, Path newFile) {
    return compare(SpecDocument.read(oldFile), SpecDocument.read(newFile));
  }

  /**
   * Compares two parsed specs.
   *
   * @param oldSpec the committed spec
   * @param newSpec the candidate spec
   * @return the report
   */
  public static SpecDiffReport compare(SpecDocument oldSpec, SpecDocument newSpec) {
    SpecDiff diff = new SpecDiff(oldSpec, newSpec);
    diff.collectRequestSchemas(oldSpec);
    diff.collectRequestSchemas(newSpec);
    diff.diffOperations();
    diff.diffComponents();
    return new SpecDiffReport(
        oldSpec.file() + " (" + oldSpec.label() + ")",
        newSpec.file() + " (" + newSpec.label() + ")",
        diff.changes);
  }

  /**
   * Runs the command: prints the report to {@code out}.
   *
   * @param args {@code <old-spec> <new-spec>}
   * @param out where the report goes
   * @param err where usage and read errors go
   * @return 0 without breaking changes, 1 with breaking changes, 2 on a usage or read error
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
      out.println(usage());
      return 0;
    }
    if (args.length != 2) {
      err.println("spec-diff: expected 2 arguments, got " + args.length + ". " + usage());
      return 2;
    }
    SpecDiffReport report;
    try {
      report = compare(Path.of(args[0]), Path.of(args[1]));
    } catch (SpecReadException e) {
      err.println("spec-diff: " + e.getMessage());
      return 2;
    }
    out.print(report.render());
    out.flush();
    return report.hasBreakingChanges() ? 1 : 0;
  }

  /**
   * Command-line entry point; exits with the code of {@link #run}.
   *
   * @param args {@code <old-spec> <new-spec>}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  private static String usage() {
    return "Usage: spec-diff <old-spec> <new-spec> (exit 0: compatible, 1: breaking, 2: usage error)";
  }

  // ---- operations, parameters, bodies -------------------------------------------------------

  private void diffOperations() {
    Map<String, Operation> olds = byKey(oldSpec);
    Map<String, Operation> news = byKey(newSpec);
    for (Operation o : olds.values()) {
      if (!news.containsKey(o.key())) {
        add(SpecChange.Area.OPERATION, SpecChange.Kind.REMOVED, o.endpoint(),
            "operation removed" + id(o), true);
      }
    }
    for (Operation n : news.values()) {
      Operation o = olds.get(n.key());
      if (o == null) {
        add(SpecChange.Area.OPERATION, SpecChange.Kind.ADDED, n.endpoint(), "new operation" + id(n),
            false);
        continue;
      }
      if (!o.operationId().equals(n.operationId())) {
        add(SpecChange.Area.OPERATION, SpecChange.Kind.CHANGED, n.endpoint(),
            "operationId '" + o.operationId() + "' -> '" + n.operationId()
                + "' (the generated method is renamed)", true);
      }
      if (!o.path().equals(n.path())) {
        add(SpecChange.Area.OPERATION, SpecChange.Kind.CHANGED, n.endpoint(),
            "path parameters renamed (was " + o.path() + ")", false);
      }
      diffParameters(o, n);
      diffRequestBody(o, n);
      diffResponses(o, n);
    }
  }

  private static Map<String, Operation> byKey(SpecDocument spec) {
    Map<String, Operation> map = new LinkedHashMap<>();
    Operation.all(spec).forEach(op -> map.putIfAbsent(op.key(), op));
    return map;
  }

  private static String id(Operation op) {
    return op.operationId().isEmpty() ? "" : " '" + op.operationId() + "'";
  }

  private void diffParameters(Operation o, Operation n) {
    Map<String, JsonNode> olds = parameters(oldSpec, o);
    Map<String, JsonNode> news = parameters(newSpec, n);
    for (Map.Entry<String, JsonNode> e : olds.entrySet()) {
      if (!news.containsKey(e.getKey())) {
        add(SpecChange.Area.PARAMETER, SpecChange.Kind.REMOVED, paramLabel(n, e.getKey()),
            "parameter removed (the generated method loses an argument)", true);
      }
    }
    for (Map.Entry<String, JsonNode> e : news.entrySet()) {
      String label = paramLabel(n, e.getKey());
      boolean newRequired = e.getValue().path("required").asBoolean(false);
      JsonNode old = olds.get(e.getKey());
      if (old == null) {
        add(SpecChange.Area.PARAMETER, SpecChange.Kind.ADDED, label,
            "new " + (newRequired ? "required" : "optional") + " parameter ("
                + typeText(shape(newSpec, paramSchema(newSpec, e.getValue()))) + ")",
            newRequired);
        continue;
      }
      boolean oldRequired = old.path("required").asBoolean(false);
      if (!oldRequired && newRequired) {
        add(SpecChange.Area.PARAMETER, SpecChange.Kind.CHANGED, label, "parameter now required",
            true);
      } else if (oldRequired && !newRequired) {
        add(SpecChange.Area.PARAMETER, SpecChange.Kind.CHANGED, label, "parameter now optional",
            false);
      }
      diffSchema(SpecChange.Area.PARAMETER, label, paramSchema(oldSpec, old),
          paramSchema(newSpec, e.getValue()), Side.REQUEST);
    }
  }

  private static String paramLabel(Operation op, String key) {
    int colon = key.indexOf(':');
    return op.endpoint() + " " + key.substring(0, colon) + " parameter '" + key.substring(colon + 1)
        + "'";
  }

  /** Path-level parameters, overridden by operation-level ones, keyed {@code in:name}. */
  private static Map<String, JsonNode> parameters(SpecDocument spec, Operation op) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    for (JsonNode list : List.of(op.pathItem().path("parameters"), op.node().path("parameters"))) {
      for (JsonNode p : list) {
        JsonNode param = spec.resolve(p);
        map.put(param.path("in").asText() + ":" + param.path("name").asText(), param);
      }
    }
    return map;
  }

  private static JsonNode paramSchema(SpecDocument spec, JsonNode param) {
    return param.has("schema") ? param.get("schema") : jsonSchema(spec, param);
  }

  private void diffRequestBody(Operation o, Operation n) {
    JsonNode ob = oldSpec.resolve(o.node().path("requestBody"));
    JsonNode nb = newSpec.resolve(n.node().path("requestBody"));
    String label = n.endpoint() + " request body";
    boolean newRequired = nb.path("required").asBoolean(false);
    if (ob.isMissingNode() && nb.isMissingNode()) {
      return;
    }
    if (ob.isMissingNode()) {
      add(SpecChange.Area.OPERATION, SpecChange.Kind.CHANGED, n.endpoint(),
          "new " + (newRequired ? "required" : "optional") + " request body", newRequired);
      return;
    }
    if (nb.isMissingNode()) {
      add(SpecChange.Area.OPERATION, SpecChange.Kind.CHANGED, n.endpoint(), "request body removed",
          true);
      return;
    }
    if (!ob.path("required").asBoolean(false) && newRequired) {
      add(SpecChange.Area.OPERATION, SpecChange.Kind.CHANGED, n.endpoint(),
          "request body now required", true);
    }
    diffSchema(SpecChange.Area.FIELD, label, jsonSchema(oldSpec, ob), jsonSchema(newSpec, nb),
        Side.REQUEST);
  }

  private void diffResponses(Operation o, Operation n) {
    JsonNode olds = o.node().path("responses");
    JsonNode news = n.node().path("responses");
    for (Map.Entry<String, JsonNode> e : olds.properties()) {
      if (!news.has(e.getKey())) {
        boolean success = e.getKey().startsWith("2");
        add(SpecChange.Area.OPERATION, SpecChange.Kind.CHANGED, n.endpoint(),
            "response " + e.getKey() + " removed", success);
      }
    }
    for (Map.Entry<String, JsonNode> e : news.properties()) {
      String code = e.getKey();
      if (!olds.has(code)) {
        add(SpecChange.Area.OPERATION, SpecChange.Kind.CHANGED, n.endpoint(),
            "new response " + code, false);
        continue;
      }
      diffSchema(SpecChange.Area.FIELD, n.endpoint() + " response " + code,
          jsonSchema(oldSpec, oldSpec.resolve(olds.get(code))),
          jsonSchema(newSpec, newSpec.resolve(e.getValue())), Side.RESPONSE);
    }
  }

  /** The schema of the JSON content of a body, response or parameter; missing when none. */
  private static JsonNode jsonSchema(SpecDocument spec, JsonNode holder) {
    JsonNode content = holder.path("content");
    JsonNode chosen = null;
    for (Map.Entry<String, JsonNode> media : content.properties()) {
      String type = media.getKey().toLowerCase(java.util.Locale.ROOT);
      if (type.startsWith("application/json") || type.contains("+json")) {
        chosen = media.getValue();
        break;
      }
      if (chosen == null) {
        chosen = media.getValue();
      }
    }
    return chosen == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : chosen.path("schema");
  }

  // ---- components -----------------------------------------------------------------------------

  private void diffComponents() {
    JsonNode olds = oldSpec.root().path("components").path("schemas");
    JsonNode news = newSpec.root().path("components").path("schemas");
    for (Map.Entry<String, JsonNode> e : olds.properties()) {
      if (!news.has(e.getKey())) {
        add(SpecChange.Area.SCHEMA, SpecChange.Kind.REMOVED, "schema " + e.getKey(),
            "schema removed (its model class disappears)", true);
      }
    }
    for (Map.Entry<String, JsonNode> e : news.properties()) {
      String name = e.getKey();
      if (!olds.has(name)) {
        add(SpecChange.Area.SCHEMA, SpecChange.Kind.ADDED, "schema " + name, "new schema", false);
        continue;
      }
      diffSchema(SpecChange.Area.FIELD, "schema " + name, olds.get(name), e.getValue(),
          requestSchemas.contains(name) ? Side.REQUEST : Side.RESPONSE);
    }
  }

  /** Names of component schemas a client sends (bodies, parameters), followed transitively. */
  private void collectRequestSchemas(SpecDocument spec) {
    for (Operation op : Operation.all(spec)) {
      collectRefs(spec, spec.resolve(op.node().path("requestBody")));
      for (JsonNode param : parameters(spec, op).values()) {
        collectRefs(spec, param);
      }
    }
  }

  private void collectRefs(SpecDocument spec, JsonNode node) {
    if (node.isObject() && node.path("$ref").asText().startsWith(SCHEMA_REF_PREFIX)) {
      String name = node.get("$ref").asText().substring(SCHEMA_REF_PREFIX.length());
      if (requestSchemas.add(name)) {
        collectRefs(spec, spec.resolve(node));
      }
    }
    for (JsonNode child : node) {
      collectRefs(spec, child);
    }
  }

  // ---- schemas --------------------------------------------------------------------------------

  private void diffSchema(SpecChange.Area area, String loc, JsonNode o, JsonNode n, Side side) {
    if (o.isMissingNode() && n.isMissingNode()) {
      return;
    }
    if (o.isMissingNode() || n.isMissingNode()) {
      boolean removed = n.isMissingNode();
      add(area, SpecChange.Kind.CHANGED, loc, removed ? "schema removed" : "schema added", removed);
      return;
    }
    Shape so = shape(oldSpec, o);
    Shape sn = shape(newSpec, n);
    if (!so.types().equals(sn.types())) {
      add(area, SpecChange.Kind.CHANGED, loc,
          typeChange(so.types(), sn.types()) + " " + typeText(so) + " -> " + typeText(sn), true);
      return;
    }
    if (so.nullable() && !sn.nullable()) {
      add(area, SpecChange.Kind.CHANGED, loc, "no longer nullable (narrowed)", true);
    } else if (!so.nullable() && sn.nullable()) {
      add(area, SpecChange.Kind.CHANGED, loc, "now nullable", false);
    }
    if (!so.format().equals(sn.format())) {
      boolean javaType =
          JAVA_TYPE_FORMATS.contains(so.format()) || JAVA_TYPE_FORMATS.contains(sn.format());
      add(area, SpecChange.Kind.CHANGED, loc, "format '" + so.format() + "' -> '" + sn.format()
          + "'" + (javaType ? " (the Java type changes)" : ""), javaType);
    }
    diffEnum(area, loc, so.enumValues(), sn.enumValues());
    if (so.types().stream().anyMatch(t -> t.startsWith("#"))) {
      return; // a named schema: compared once, under components
    }
    JsonNode ou = unwrap(oldSpec, o);
    JsonNode nu = unwrap(newSpec, n);
    diffProperties(loc, ou, nu, side);
    if (ou.has("items") || nu.has("items")) {
      diffSchema(SpecChange.Area.FIELD, loc + "[]", ou.path("items"), nu.path("items"), side);
    }
    if (ou.path("additionalProperties").isObject() && nu.path("additionalProperties").isObject()) {
      diffSchema(SpecChange.Area.FIELD, loc + "{}", ou.get("additionalProperties"),
          nu.get("additionalProperties"), side);
    }
  }

  private void diffProperties(String loc, JsonNode o, JsonNode n, Side side) {
    Map<String, JsonNode> po = properties(oldSpec, o, 0);
    Map<String, JsonNode> pn = properties(newSpec, n, 0);
    Set<String> ro = required(oldSpec, o, 0);
    Set<String> rn = required(newSpec, n, 0);
    for (String name : po.keySet()) {
      if (!pn.containsKey(name)) {
        add(SpecChange.Area.FIELD, SpecChange.Kind.REMOVED, loc + "." + name, "field removed",
            true);
      }
    }
    for (Map.Entry<String, JsonNode> e : pn.entrySet()) {
      String name = e.getKey();
      String child = loc + "." + name;
      boolean required = rn.contains(name);
      if (!po.containsKey(name)) {
        add(SpecChange.Area.FIELD, SpecChange.Kind.ADDED, child,
            "new " + (required ? "required" : "optional") + " field ("
                + typeText(shape(newSpec, e.getValue())) + ")",
            required && side == Side.REQUEST);
        continue;
      }
      if (!ro.contains(name) && required) {
        add(SpecChange.Area.FIELD, SpecChange.Kind.CHANGED, child, "now required",
            side == Side.REQUEST);
      } else if (ro.contains(name) && !required) {
        add(SpecChange.Area.FIELD, SpecChange.Kind.CHANGED, child, "no longer required", false);
      }
      diffSchema(SpecChange.Area.FIELD, child, po.get(name), e.getValue(), side);
    }
  }

  private void diffEnum(SpecChange.Area area, String loc, List<String> o, List<String> n) {
    if (o.equals(n)) {
      return;
    }
    if (o.isEmpty()) {
      add(area, SpecChange.Kind.CHANGED, loc, "now restricted to enum " + n + " (narrowed)", true);
      return;
    }
    if (n.isEmpty()) {
      add(area, SpecChange.Kind.CHANGED, loc, "enum " + o + " lifted (the Java type changes)", true);
      return;
    }
    List<String> removed = o.stream().filter(v -> !n.contains(v)).toList();
    List<String> added = n.stream().filter(v -> !o.contains(v)).toList();
    if (!removed.isEmpty()) {
      add(area, SpecChange.Kind.CHANGED, loc, "enum value(s) removed: " + removed, true);
    }
    if (!added.isEmpty()) {
      add(area, SpecChange.Kind.CHANGED, loc, "enum value(s) added: " + added, false);
    }
  }

  private static String typeChange(Set<String> o, Set<String> n) {
    boolean narrowed = o.containsAll(n) || (o.contains("number") && n.contains("integer")
        && !n.contains("number"));
    boolean widened = n.containsAll(o);
    return narrowed ? "type narrowed" : widened ? "type widened (the Java type changes)"
        : "type changed";
  }

  private static String typeText(Shape shape) {
    String types = shape.types().stream().map(t -> t.startsWith("#") ? t.substring(1) : t)
        .collect(Collectors.joining("|"));
    return types + (shape.format().isEmpty() ? "" : " " + shape.format())
        + (shape.nullable() ? "|null" : "");
  }

  /** The type of a schema, seen through nullable wrappers. */
  private static Shape shape(SpecDocument spec, JsonNode s) {
    Set<String> types = new TreeSet<>();
    boolean nullable = s.path("nullable").asBoolean(false);
    String format = s.path("format").asText("");
    List<String> enumValues = new ArrayList<>();
    String ref = s.path("$ref").asText("");
    if (!ref.isEmpty()) {
      if (ref.startsWith(SCHEMA_REF_PREFIX)) {
        types.add("#" + ref.substring(SCHEMA_REF_PREFIX.length()));
      } else {
        Shape target = shape(spec, spec.resolve(s));
        return new Shape(target.types(), nullable || target.nullable(), target.format(),
            target.enumValues());
      }
    }
    JsonNode type = s.path("type");
    if (type.isTextual()) {
      addType(types, type.asText());
    } else if (type.isArray()) {
      type.forEach(t -> addType(types, t.asText()));
    }
    if (types.remove("null")) {
      nullable = true;
    }
    for (String combinator : List.of("anyOf", "oneOf")) {
      List<JsonNode> nonNull = new ArrayList<>();
      for (JsonNode branch : s.path(combinator)) {
        if (isNullType(branch)) {
          nullable = true;
        } else {
          nonNull.add(branch);
        }
      }
      for (JsonNode branch : nonNull) {
        Shape b = shape(spec, branch);
        types.addAll(b.types());
        nullable |= b.nullable();
        if (nonNull.size() == 1) {
          format = format.isEmpty() ? b.format() : format;
          enumValues.addAll(b.enumValues());
        }
      }
    }
    JsonNode allOf = s.path("allOf");
    if (allOf.size() == 1) {
      Shape b = shape(spec, allOf.get(0));
      types.addAll(b.types());
      nullable |= b.nullable();
    } else if (allOf.size() > 1) {
      types.add("object");
    }
    for (JsonNode v : s.path("enum")) {
      if (v.isNull()) {
        nullable = true;
      } else {
        enumValues.add(v.asText());
      }
    }
    if (s.has("const")) {
      enumValues.add(s.get("const").asText());
    }
    if (types.isEmpty()) {
      types.add(s.has("properties") ? "object" : s.has("items") ? "array" : "any");
    }
    return new Shape(types, nullable, format, enumValues);
  }

  private static void addType(Set<String> types, String type) {
    types.add(type);
  }

  private static boolean isNullType(JsonNode branch) {
    return "null".equals(branch.path("type").asText());
  }

  /** Looks through a single-branch anyOf/oneOf/allOf to the schema that holds the properties. */
  private static JsonNode unwrap(SpecDocument spec, JsonNode s) {
    if (s.has("properties") || s.has("items")) {
      return s;
    }
    for (String combinator : List.of("anyOf", "oneOf", "allOf")) {
      List<JsonNode> nonNull = new ArrayList<>();
      s.path(combinator).forEach(b -> {
        if (!isNullType(b)) {
          nonNull.add(b);
        }
      });
      if (nonNull.size() == 1 && s.path(combinator).size() >= 1) {
        return unwrap(spec, nonNull.get(0));
      }
    }
    return s;
  }

  /** Own properties plus those of allOf branches (references followed). */
  private static Map<String, JsonNode> properties(SpecDocument spec, JsonNode s, int depth) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    if (depth > 16) {
      return map;
    }
    if (s.path("allOf").size() > 1) {
      for (JsonNode branch : s.get("allOf")) {
        map.putAll(properties(spec, spec.resolve(branch), depth + 1));
      }
    }
    s.path("properties").properties().forEach(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  private static Set<String> required(SpecDocument spec, JsonNode s, int depth) {
    Set<String> set = new LinkedHashSet<>();
    if (depth > 16) {
      return set;
    }
    if (s.path("allOf").size() > 1) {
      for (JsonNode branch : s.get("allOf")) {
        set.addAll(required(spec, spec.resolve(branch), depth + 1));
      }
    }
    s.path("required").forEach(r -> set.add(r.asText()));
    return set;
  }

  private void add(SpecChange.Area area, SpecChange.Kind kind, String location, String description,
      boolean breaking) {
    changes.add(new SpecChange(area, kind, location, description, breaking));
  }
}
