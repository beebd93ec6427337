package dev.saasusers.common.http;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text that is about to be logged or put in a message: header values, form
 * bodies (token requests), JSON bodies (token responses) and URL query strings.
 *
 * <pre>{@code
 * log.trace("token request: {}", Redaction.redactForm(body));
 * }</pre>
 */
public final class Redaction {
  /** What a secret is replaced with. */
  public static final String MASK = "<redacted>";

  // Field names whose values are secrets: matched case-insensitively, ignoring - and _.
  private static final String SECRET_NAMES =
      "(?:authorization|proxyauthorization|password|passwd|clientsecret|secret|accesstoken"
          + "|refreshtoken|idtoken|token|apikey|xapikey|apitoken|partnerkey|cookie|setcookie"
          + "|sessionid|signature|assertion|clientassertion)";
  private static final Pattern SECRET_NAME = Pattern.compile(SECRET_NAMES);
  private static final Pattern JSON_PAIR = Pattern.compile(
      "(\"([A-Za-z0-9_\\-]*)\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^,{}\\[\\]\\s\"]+)");
  private static final Pattern URL_USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@?#]*@");
  private static final Pattern FORM_PAIR = Pattern.compile("([^&=?#\\s]+)=([^&#\\s]*)");
  private static final int SECRET_NAME_CACHE_SIZE = 512;
  private static final Map<String, Boolean> SECRET_NAME_CACHE = new ConcurrentHashMap<>();

  private Redaction() {
  }

  /**
   * {@return true when values under that name are treated as secrets}
   *
   * @param name a field, header or parameter name
   */
  public static boolean isSecretName(String name) {
    if (name == null) {
      return false;
    }
    // Every request's URL is redacted for its events, and an API uses few parameter names.
    Boolean known = SECRET_NAME_CACHE.get(name);
    if (known != null) {
      return known;
    }
    String n = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    boolean secret = SECRET_NAME.matcher(n).matches() || n.endsWith("token") || n.endsWith("secret")
        || n.endsWith("password") || n.endsWith("apikey");
    if (SECRET_NAME_CACHE.size() < SECRET_NAME_CACHE_SIZE) {
      SECRET_NAME_CACHE.put(name, secret);
    }
    return secret;
  }

  /**
   * Redacts a header value when the header carries credentials. An auth scheme such as
   * {@code Bearer} is kept, the credential is not.
   *
   * @param name the header name
   * @param value the header value
   * @return the value, or its scheme followed by {@link #MASK}
   */
  public static String redactHeader(String name, String value) {
    if (value == null || !isSecretName(name)) {
      return value;
    }
    int space = value.indexOf(' ');
    if (space > 0 && space < 20 && value.substring(0, space).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')
        && name.toLowerCase(Locale.ROOT).contains("authorization")) {
      return value.substring(0, space) + " " + MASK;
    }
    return MASK;
  }

  /**
   * Redacts secret values in a form-encoded body such as
   * {@code grant_type=password&username=a&password=b}.
   *
   * @param form the form body, or null
   * @return the body with secret values replaced
   */
  public static String redactForm(String form) {
    if (form == null || form.isEmpty() || !hasSecretPair(form)) {
      return form;
    }
    Matcher m = FORM_PAIR.matcher(form);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = isSecretName(decode(m.group(1))) ? m.group(1) + "=" + MASK : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Redacts secret values in JSON text, at any depth. Works on cut-off JSON too, since log lines
   * are bounded.
   *
   * @param json JSON text, or null
   * @return the text with the values of secret fields replaced
   */
  public static String redactJson(String json) {
    if (json == null || json.isEmpty()) {
      return json;
    }
    Matcher m = JSON_PAIR.matcher(json);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = isSecretName(m.group(2))
          ? m.group(1) + "\"" + MASK + "\""
          : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Redacts secret query parameters and user info in a URL.
   *
   * @param url an absolute or relative URL, or null
   * @return the URL with secret parameter values replaced
   */
  public static String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    // Runs for every request's events: the pattern is compiled once, and skipped when no '@'.
    String result = url.indexOf('@') < 0 ? url
        : URL_USER_INFO.matcher(url).replaceFirst("$1" + Matcher.quoteReplacement(MASK) + "@");
    int query = result.indexOf('?');
    if (query < 0) {
      return result;
    }
    return result.substring(0, query + 1) + redactForm(result.substring(query + 1));
  }

  /**
   * Redacts a body according to its content type, for TRACE logging.
   *
   * @param contentType the body's content type, or null
   * @param body the body text
   * @return the redacted text
   */
  public static String redactBody(String contentType, String body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("x-www-form-urlencoded")) {
      return redactForm(body);
    }
    String json = redactJson(body);
    // A body of unknown type may be a form: redact both ways.
    return type.contains("json") ? json : redactForm(json);
  }

  /**
   * {@return whether {@link #FORM_PAIR} would find a pair with a secret name}: the name before
   *     each {@code =}, back to one of {@code &=?#} or white space. Without one, the redacted
   *     form is the form itself, found without a regex.
   */
  private static boolean hasSecretPair(String form) {
    for (int eq = form.indexOf('='); eq >= 0; eq = form.indexOf('=', eq + 1)) {
      int start = eq;
      while (start > 0 && !endsName(form.charAt(start - 1))) {
        start--;
      }
      if (start < eq && isSecretName(decode(form.substring(start, eq)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsName(char c) {
    // The characters FORM_PAIR's name excludes (\s in a Java regex is space, \t, \n, \x0B, \f, \r).
    return c == '&' || c == '=' || c == '?' || c == '#' || c == ' ' || c == '\t' || c == '\n'
        || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static String decode(String s) {
    try {
      return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
