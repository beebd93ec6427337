package dev.saasusers.common.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every secret one client holds (API keys, bearer and access tokens, client secret, password,
 * issued and refreshed tokens, proxy password), so that text a vendor sent back can be scrubbed
 * of them before it reaches an exception message, an event, a log line or the CLI. Many APIs
 * echo what they were sent ("invalid key sk_..."); a rule per call site would miss one.
 *
 * <p>Each credential kind registers its own values when it is bound to a client (see
 * {@code Authenticator.bind}); tokens are registered as they are issued. A value is also
 * registered in its URL-encoded and JSON-escaped forms. Thread-safe; reads take no lock.
 *
 * <pre>{@code
 * secrets.register(apiKey);
 * String safe = secrets.scrub(vendorText);   // "key *** is invalid"
 * }</pre>
 */
public final class SecretRegistry {
  /** What a secret is replaced with. */
  public static final String MASK = "***";
  /** Shorter values are not credentials and would scrub ordinary words. */
  static final int MIN_LENGTH = 4;

  /** Longest first, so a secret that contains another is replaced whole. */
  private volatile List<String> secrets = List.of();

  /** {@return an empty registry} */
  public static SecretRegistry create() {
    return new SecretRegistry();
  }

  private SecretRegistry() {
  }

  /**
   * Adds a secret, in its plain, URL-encoded and JSON-escaped forms.
   *
   * @param secret the value; null, blank or very short values are ignored
   */
  public void register(String secret) {
    if (secret == null || secret.strip().length() < MIN_LENGTH) {
      return;
    }
    List<String> forms = List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
        secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
    synchronized (this) {
      List<String> next = new ArrayList<>(secrets);
      for (String form : forms) {
        if (!next.contains(form)) {
          next.add(form);
        }
      }
      next.sort(Comparator.comparingInt(String::length).reversed());
      secrets = List.copyOf(next);
    }
  }

  /**
   * {@return the text with every registered secret replaced by {@value #MASK}}
   *
   * @param text text that came from a vendor or holds vendor text, or null
   */
  public String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "SecretRegistry{" + secrets.size() + " values, never shown}";
  }
}
