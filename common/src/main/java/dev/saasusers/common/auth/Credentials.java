package dev.saasusers.common.auth;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Static credentials: a bearer token, an API key in a header, or a token fetched per request.
 * Every value is checked here, before any request: a blank value or one holding a line break is
 * refused with a message that names where it came from, never the value.
 *
 * <pre>{@code
 * Authenticator datagrid = Credentials.bearer(System.getenv("DATAGRID_API_KEY"), "DATAGRID_API_KEY");
 * Authenticator pandadoc = Credentials.apiKey("Authorization", "API-Key ", key);
 * Authenticator supplied = Credentials.tokenSupplier(vault::currentToken);
 * }</pre>
 *
 * <p>For OAuth2 grants where the SDK fetches the token itself, see {@link OAuth2Credentials}.
 */
public final class Credentials {
  static final String AUTHORIZATION = "Authorization";
  static final String BEARER_PREFIX = "Bearer ";

  private Credentials() {
  }

  /**
   * Sends {@code Authorization: Bearer <token>}.
   *
   * @param token the token
   * @return an authenticator adding the header to every request
   * @throws IllegalArgumentException if the token is blank or contains a line break
   */
  public static Authenticator bearer(String token) {
    return bearer(token, "bearer token");
  }

  /**
   * Sends {@code Authorization: Bearer <token>}.
   *
   * @param token the token
   * @param source where the token came from, named in errors, for example
   *     {@code DATAGRID_API_KEY} or {@code apiKey}
   * @return an authenticator adding the header to every request
   * @throws IllegalArgumentException if the token is blank or contains a line break
   */
  public static Authenticator bearer(String token, String source) {
    String checkedSource = requireSource(source);
    String checked = requireHeaderSafe(token, checkedSource);
    return new HeaderCredentials("bearer", checkedSource, AUTHORIZATION, BEARER_PREFIX + checked,
        checked);
  }

  /**
   * Sends the key in a header, after a prefix: {@code apiKey("Authorization", "API-Key ", key)}
   * sends {@code Authorization: API-Key <key>}.
   *
   * @param headerName the header, for example {@code Authorization} or {@code X-Api-Key}
   * @param prefix text before the key, including any space; empty for none
   * @param key the API key
   * @return an authenticator adding the header to every request
   * @throws IllegalArgumentException if the key is blank, or any part is not a valid header
   */
  public static Authenticator apiKey(String headerName, String prefix, String key) {
    return apiKey(headerName, prefix, key, "API key");
  }

  /**
   * Sends the key in a header, after a prefix.
   *
   * @param headerName the header, for example {@code Authorization}
   * @param prefix text before the key, including any space; empty for none
   * @param key the API key
   * @param source where the key came from, named in errors, for example
   *     {@code PANDADOC_API_KEY}
   * @return an authenticator adding the header to every request
   * @throws IllegalArgumentException if the key is blank, or any part is not a valid header
   */
  public static Authenticator apiKey(String headerName, String prefix, String key, String source) {
    String checkedSource = requireSource(source);
    String name = requireHeaderName(headerName);
    String checkedPrefix = prefix == null ? "" : requireNoControlCharacters(prefix, "API key prefix");
    String checkedKey = requireHeaderSafe(key, checkedSource);
    return new HeaderCredentials("apiKey", checkedSource, name, checkedPrefix + checkedKey,
        checkedKey);
  }

  /**
   * Sends {@code Authorization: Bearer <token>} with a token asked from the supplier for every
   * request, for tokens the caller obtains and refreshes elsewhere. The supplier is called on the
   * request's thread and should return quickly (cache on your side).
   *
   * @param tokens gives the current token
   * @return an authenticator asking the supplier once per request
   */
  public static Authenticator tokenSupplier(Supplier<String> tokens) {
    return tokenSupplier(tokens, "token supplier");
  }

  /**
   * Like {@link #tokenSupplier(Supplier)}, naming the supplier in errors.
   *
   * @param tokens gives the current token
   * @param source the supplier's name in errors
   * @return an authenticator asking the supplier once per request
   */
  public static Authenticator tokenSupplier(Supplier<String> tokens, String source) {
    return new SuppliedTokenCredentials(
        Objects.requireNonNull(tokens, "tokens supplier is null"), requireSource(source));
  }

  /**
   * Checks a credential destined for a header.
   *
   * @return the value, unchanged
   * @throws IllegalArgumentException naming {@code source} when blank or not header-safe
   */
  static String requireHeaderSafe(String value, String source) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(source + " is blank");
    }
    return requireNoControlCharacters(value, source);
  }

  static String requireNoControlCharacters(String value, String source) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new IllegalArgumentException(source + " contains a line break");
      }
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(source + " contains a control character");
      }
    }
    return value;
  }

  private static String requireHeaderName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("API key header name is blank");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      // RFC 9110 token characters only: no spaces, separators or controls.
      if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        throw new IllegalArgumentException("API key header name '" + name + "' is not a valid header name");
      }
    }
    return name;
  }

  private static String requireSource(String source) {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("credential source name is blank");
    }
    return source;
  }
}
