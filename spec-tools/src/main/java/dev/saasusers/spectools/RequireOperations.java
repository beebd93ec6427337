package dev.saasusers.spectools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fails a vendor module's build, before code generation, when its spec no longer has an operation
 * the facade calls. Without it, a renamed operation surfaces as a compile error deep in generated
 * code.
 *
 * <p>Run from Maven ({@code exec:java}, see the parent pom) as {@code --vendor PandaDoc --spec
 * /abs/specs/pandadoc.json --root /abs --module pandadoc-client --operations
 * "listUsers=GET /public/v1/users"}.
 */
public final class RequireOperations {

  private RequireOperations() {}

  /**
   * Checks that every required operationId is in the spec.
   *
   * @param vendor the vendor's display name, e.g. {@code PandaDoc}
   * @param specFile the spec file
   * @param displayName how to name the file in the message, e.g. {@code specs/pandadoc.json}
   * @param module the vendor module whose pom maps and lists the operations, e.g. {@code
   *     pandadoc-client}
   * @param required the operations the facade needs
   * @throws MissingOperationException naming vendor, file and the missing operations
   * @throws SpecReadException if the spec cannot be read
   */
  public static void check(
      String vendor,
      Path specFile,
      String displayName,
      String module,
      List<RequiredOperation> required) {
    SpecDocument spec = SpecDocument.read(specFile);
    Map<String, Operation> byId = new LinkedHashMap<>();
    Map<String, Operation> byEndpoint = new LinkedHashMap<>();
    for (Operation op : Operation.all(spec)) {
      byId.putIfAbsent(op.operationId(), op);
      byEndpoint.putIfAbsent(op.endpoint(), op);
    }
    List<RequiredOperation> missing = new ArrayList<>();
    StringBuilder message = new StringBuilder();
    for (RequiredOperation need : required) {
      if (byId.containsKey(need.operationId())) {
        continue;
      }
      missing.add(need);
      if (message.length() > 0) {
        message.append(System.lineSeparator());
      }
      String where = need.endpoint().isEmpty() ? "" : " (" + need.endpoint() + ")";
      message
          .append('[')
          .append(vendor)
          .append("] ")
          .append(displayName)
          .append(" has no operation '")
          .append(need.operationId())
          .append('\'')
          .append(where)
          .append(", which the ")
          .append(vendor)
          .append(" facade needs. ")
          .append(hint(need, Optional.ofNullable(byEndpoint.get(need.endpoint())), module));
    }
    if (!missing.isEmpty()) {
      throw new MissingOperationException(message.toString(), missing);
    }
  }

  private static String hint(RequiredOperation need, Optional<Operation> sameEndpoint, String module) {
    String pom = module.isEmpty() ? "the vendor pom" : module + "/pom.xml";
    if (sameEndpoint.isPresent()) {
      String newId = sameEndpoint.get().operationId();
      return "The spec now names " + need.endpoint() + " '" + newId + "': if the vendor renamed it,"
          + " set vendor.listUsersOperation to '" + newId + "' in " + pom
          + " (it maps the operation to the method the facade calls, and is checked here).";
    }
    return (need.endpoint().isEmpty() ? "" : "The spec has no " + need.endpoint() + " either. ")
        + "Keep the previous spec (git checkout -- <spec>), or adapt the facade and " + pom
        + "; scripts/spec-diff <old> <new> shows what changed.";
  }

  /**
   * Command-line entry point. Throws instead of calling {@code System.exit} because it runs inside
   * the Maven JVM, where the exception message becomes the build error.
   *
   * @param args {@code --vendor NAME --spec FILE --operations LIST [--root DIR] [--module NAME]}
   * @throws IllegalArgumentException on bad arguments
   * @throws MissingOperationException when an operation is missing
   */
  public static void main(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(usage("unexpected argument '" + name + "'"));
      }
      options.put(name.substring(2), args[++i]);
    }
    for (String name : List.of("vendor", "spec", "operations")) {
      if (options.getOrDefault(name, "").isBlank()) {
        throw new IllegalArgumentException(usage("missing --" + name));
      }
    }
    Path spec = Path.of(options.get("spec")).toAbsolutePath().normalize();
    String display = spec.toString();
    if (options.containsKey("root")) {
      Path root = Path.of(options.get("root")).toAbsolutePath().normalize();
      if (spec.startsWith(root)) {
        display = root.relativize(spec).toString().replace('\\', '/');
      }
    }
    check(
        options.get("vendor"),
        spec,
        display,
        options.getOrDefault("module", ""),
        RequiredOperation.parseList(options.get("operations")));
  }

  private static String usage(String problem) {
    return problem
        + ". Usage: RequireOperations --vendor NAME --spec FILE --operations"
        + " 'operationId[=METHOD /path],...' [--root DIR] [--module MODULE]";
  }
}
