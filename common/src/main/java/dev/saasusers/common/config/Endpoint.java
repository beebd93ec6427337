package dev.saasusers.common.config;

import dev.saasusers.common.http.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a client sends its requests: an absolute {@code https://} base URL (plain
 * {@code http://} only to loopback, unless allowed), without credentials, query or fragment,
 * and without a trailing slash. Checked once, here.
 *
 * @param baseUrl the checked base URL; request paths are appended to it
 * @param allowInsecureHttp whether plain {@code http://} to a host that is not loopback was allowed
 */
public record Endpoint(URI baseUrl, boolean allowInsecureHttp) {

  /**
   * Checks a base URL.
   *
   * @param baseUrl the URL as given, for example {@code https://api.example.com/v1}
   * @param allowInsecureHttp true to allow plain {@code http://} to a host that is not loopback
   * @return the endpoint
   * @throws IllegalArgumentException naming what is wrong with the URL, never showing its
   *     credentials
   */
  public static Endpoint parse(String baseUrl, boolean allowInsecureHttp) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("baseUrl is missing");
    }
    URI uri;
    try {
      uri = new URI(baseUrl.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl is not a URL: " + Redaction.redactUrl(baseUrl));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null
        || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException("baseUrl is not a URL: " + Redaction.redactUrl(baseUrl)
          + " (expected https://host[/path])");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "baseUrl must not contain credentials; use an authenticator instead");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl must not have a query or fragment: " + Redaction.redactUrl(baseUrl));
    }
    if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException("baseUrl uses plain http:// to non-loopback host "
          + uri.getHost() + "; use https:// or set allowInsecureHttp(true)");
    }
    // Feign appends "/path" to the target URL; a trailing slash would double it.
    String text = uri.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return new Endpoint(URI.create(text), allowInsecureHttp);
  }

  /** Literal loopback names only: resolving a name here would be a network call at build. */
  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  @Override
  public String toString() {
    return Redaction.redactUrl(baseUrl.toString());
  }
}
