package dev.saasusers.common.auth;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in token request and response bodies before they are logged: form fields and
 * JSON string members named {@code client_secret}, {@code password}, {@code access_token},
 * {@code refresh_token} or {@code id_token}.
 */
final class TokenBodyRedactor {
  static final String MASK = "***";
  private static final Set<String> SECRET_FIELDS =
      Set.of("client_secret", "password", "access_token", "refresh_token", "id_token");

  // "name" : "value" in JSON, allowing escaped quotes inside the value.
  private static final Pattern JSON_MEMBER =
      Pattern.compile("\"([A-Za-z_]+)\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"");
  // name=value in a form body; the value runs to the next '&'.
  private static final Pattern FORM_FIELD = Pattern.compile("(^|&)([^=&]+)=([^&]*)");

  private TokenBodyRedactor() {
  }

  /**
   * {@return the body with every secret value replaced by {@value #MASK}}
   *
   * @param body a form-encoded or JSON body, or null
   */
  static String redact(String body) {
    if (body == null || body.isEmpty()) {
      return body;
    }
    String trimmed = body.stripLeading();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return replace(JSON_MEMBER, body, 1, m -> "\"" + m.group(1) + "\"" + m.group(2) + "\"" + MASK + "\"");
    }
    return replace(FORM_FIELD, body, 2, m -> m.group(1) + m.group(2) + "=" + MASK);
  }

  private static String replace(
      Pattern pattern, String body, int nameGroup,
      java.util.function.Function<Matcher, String> masked) {
    Matcher m = pattern.matcher(body);
    StringBuilder out = new StringBuilder(body.length());
    while (m.find()) {
      String replacement = SECRET_FIELDS.contains(m.group(nameGroup)) ? masked.apply(m) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
