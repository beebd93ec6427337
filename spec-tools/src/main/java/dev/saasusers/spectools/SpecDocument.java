package dev.saasusers.spectools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * An OpenAPI document (3.0 or 3.1, JSON or YAML) read into a Jackson tree, with local {@code $ref}
 * resolution. It does not validate the document: the tools only need its shape.
 *
 * @param file where the document was read from (used in messages)
 * @param root the whole document
 */
public record SpecDocument(Path file, JsonNode root) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * Reads a spec file. JSON is recognised by its first non-blank character, so the file name does
   * not matter.
   *
   * @param file the spec file
   * @return the parsed document
   * @throws SpecReadException if the file is missing, unreadable or not JSON/YAML
   */
  public static SpecDocument read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SpecReadException(file + " does not exist", e);
    } catch (IOException e) {
      throw new SpecReadException(file + " cannot be read: " + e.getMessage(), e);
    }
    boolean json = text.stripLeading().startsWith("{");
    JsonNode root;
    try {
      root = (json ? JSON : YAML).readTree(text);
    } catch (IOException e) {
      throw new SpecReadException(
          file + " is not valid " + (json ? "JSON" : "YAML") + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.has("paths")) {
      throw new SpecReadException(file + " is not an OpenAPI document (no 'paths')", null);
    }
    return new SpecDocument(file, root);
  }

  /**
   * Follows {@code $ref} chains within this document. Non-local references are left as they are.
   *
   * @param node any node of the document (may be null)
   * @return the referenced node, the node itself when it is no reference, or a missing node for a
   *     dangling reference
   */
  public JsonNode resolve(JsonNode node) {
    Set<String> seen = new HashSet<>();
    JsonNode current = node == null ? MissingNode.getInstance() : node;
    while (current.isObject() && current.path("$ref").isTextual()) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/") || !seen.add(ref)) {
        return current;
      }
      current = root.at(ref.substring(1));
    }
    return current;
  }

  /**
   * The {@code info.title} and {@code info.version}, for headings.
   *
   * @return for example {@code "PandaDoc Public API 7.18.2"}
   */
  public String label() {
    JsonNode info = root.path("info");
    return (info.path("title").asText("?") + " " + info.path("version").asText("?")).strip()
        + ", OpenAPI " + root.path("openapi").asText("?");
  }
}
