package dev.saasusers.common.config;

import dev.saasusers.common.http.Redaction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Headers a client adds to every request, and the text appended to its User-Agent. Checked once,
 * here: names are HTTP tokens, and no value can smuggle a line break into the request.
 *
 * @param defaults header name to value, in insertion order
 * @param userAgentSuffix appended to the SDK's User-Agent, or null
 */
public record RequestHeaders(Map<String, String> defaults, String userAgentSuffix) {
  /** No extra header, no suffix. */
  public static final RequestHeaders NONE = new RequestHeaders(Map.of(), null);

  /**
   * Checks and copies the headers.
   *
   * @param defaults header name to value
   * @param userAgentSuffix the suffix, or null
   * @throws IllegalArgumentException naming a bad header name, a missing value or a line break
   */
  public RequestHeaders {
    Map<String, String> copy = new LinkedHashMap<>();
    if (defaults != null) {
      defaults.forEach((name, value) -> {
        check(name, value);
        copy.put(name, value);
      });
    }
    defaults = Collections.unmodifiableMap(copy);
    if (userAgentSuffix != null && hasLineBreak(userAgentSuffix)) {
      throw new IllegalArgumentException("userAgentSuffix contains CR or LF");
    }
  }

  /** {@return the User-Agent suffix, if any} */
  public Optional<String> suffix() {
    return Optional.ofNullable(userAgentSuffix);
  }

  private static void check(String name, String value) {
    if (name == null || name.isEmpty() || !name.chars().allMatch(RequestHeaders::isTokenChar)) {
      throw new IllegalArgumentException("header name is not a valid HTTP token: "
          + (name == null ? "null" : name.replaceAll("[\\r\\n]", "\\\\n")));
    }
    if (value == null) {
      throw new IllegalArgumentException("header " + name + " has no value");
    }
    if (hasLineBreak(value)) {
      throw new IllegalArgumentException("header " + name + " value contains CR or LF");
    }
  }

  private static boolean hasLineBreak(String s) {
    return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
  }

  private static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }

  @Override
  public String toString() {
    StringJoiner headers = new StringJoiner(", ", "{", "}");
    defaults.forEach((k, v) -> headers.add(k + "=" + Redaction.redactHeader(k, v)));
    return "defaultHeaders=" + headers + ", userAgentSuffix=" + userAgentSuffix;
  }
}
