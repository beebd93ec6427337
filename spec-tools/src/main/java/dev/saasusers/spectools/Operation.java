package dev.saasusers.spectools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation of a spec: HTTP method, path and operationId.
 *
 * @param method upper-case HTTP method, e.g. {@code GET}
 * @param path the path as written in the spec
 * @param operationId the operationId, or an empty string when the spec has none
 * @param node the operation object
 * @param pathItem the path item holding it (for path-level parameters)
 */
public record Operation(
    String method, String path, String operationId, JsonNode node, JsonNode pathItem) {

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /**
   * Lists every operation of a spec, in document order.
   *
   * @param spec the spec
   * @return its operations
   */
  public static List<Operation> all(SpecDocument spec) {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : spec.root().path("paths").properties()) {
      JsonNode item = spec.resolve(path.getValue());
      for (String method : METHODS) {
        JsonNode op = item.path(method);
        if (op.isObject()) {
          operations.add(
              new Operation(
                  method.toUpperCase(Locale.ROOT),
                  path.getKey(),
                  op.path("operationId").asText(""),
                  op,
                  item));
        }
      }
    }
    return operations;
  }

  /**
   * A key that survives renamed path parameters: {@code GET /users/{}}.
   *
   * @return method and path with parameter names blanked
   */
  public String key() {
    return method + " " + path.replaceAll("\\{[^}]*}", "{}");
  }

  /**
   * Method and path, as people read them.
   *
   * @return for example {@code GET /public/v1/users}
   */
  public String endpoint() {
    return method + " " + path;
  }
}
