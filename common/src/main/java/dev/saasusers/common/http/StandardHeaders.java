package dev.saasusers.common.http;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.Map;

/**
 * Adds the User-Agent and the caller's default headers. Feign applies interceptors again to the
 * same template on every retry, so each header is replaced, never appended twice.
 */
final class StandardHeaders implements RequestInterceptor {
  private final String userAgent;
  private final Map<String, String> defaults;

  StandardHeaders(String userAgent, Map<String, String> defaults) {
    this.userAgent = userAgent;
    this.defaults = Map.copyOf(defaults);
  }

  String userAgent() {
    return userAgent;
  }

  @Override
  public void apply(RequestTemplate template) {
    defaults.forEach((name, value) -> {
      template.removeHeader(name);
      template.header(name, value);
    });
    template.removeHeader("User-Agent");
    template.header("User-Agent", userAgent);
  }
}
