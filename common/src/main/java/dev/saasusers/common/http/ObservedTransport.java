package dev.saasusers.common.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Reports each attempt to the listeners (and the TRACE log), numbered by the {@link Attempt}
 * the retry loop passed as the request's options, and records the credentials it carried for a
 * 401 refresh.
 */
final class ObservedTransport implements Client {
  private final Client delegate;
  private final VendorProfile vendor;
  private final ClientListener listener;
  private final SecretRegistry secrets;

  ObservedTransport(Client delegate, VendorProfile vendor, ClientListener listener,
      SecretRegistry secrets) {
    this.delegate = delegate;
    this.vendor = vendor;
    this.listener = listener;
    this.secrets = secrets;
  }

  Client delegate() {
    return delegate;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    int attempt = 1;
    String method = request.httpMethod().name();
    String path = secrets.scrub(pathOf(request.url()));
    if (options instanceof Attempt current) {
      attempt = current.number();
      current.recordSent(method, path, authorizationOf(request.headers()));
    }
    listener.onRequestSent(new ClientListener.RequestSent(vendor.id(), method, path, attempt));
    if (LoggingListener.traceEnabled()) {
      LoggingListener.traceHeaders(vendor.id(), "request " + method + " " + path, request.headers(),
          secrets);
      if (request.body() != null && request.body().length > 0) {
        LoggingListener.traceBody(vendor.id(), "request", contentType(request.headers()), request.body(),
            secrets);
      }
    }
    long start = System.nanoTime();
    try {
      Response response = delegate.execute(request, options);
      listener.onResponseReceived(new ClientListener.ResponseReceived(vendor.id(), method, path,
          response.status(), Duration.ofNanos(System.nanoTime() - start), attempt));
      return response;
    } catch (IOException | RuntimeException e) {
      listener.onResponseReceived(new ClientListener.ResponseReceived(
          vendor.id(), method, path, 0, Duration.ofNanos(System.nanoTime() - start), attempt));
      throw e;
    }
  }

  /** The path and query of a URL, redacted; string slicing, since it runs on every request. */
  static String pathOf(String url) {
    int scheme = url.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int path = start;
    while (path < url.length() && "/?#".indexOf(url.charAt(path)) < 0) {
      path++;
    }
    int fragment = url.indexOf('#', path);
    String rest = url.substring(path, fragment < 0 ? url.length() : fragment);
    if (scheme < 0) {
      rest = url.substring(0, fragment < 0 ? url.length() : fragment);
    }
    if (rest.isEmpty() || rest.charAt(0) == '?') {
      rest = "/" + rest;
    }
    return Redaction.redactUrl(rest);
  }

  private static String authorizationOf(Map<String, Collection<String>> headers) {
    Collection<String> values = headers.get("Authorization");
    if (values == null) {
      for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
        if ("authorization".equalsIgnoreCase(e.getKey())) {
          values = e.getValue();
        }
      }
    }
    return values == null || values.isEmpty() ? null : values.iterator().next();
  }

  static String contentType(Map<String, Collection<String>> headers) {
    for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
      if ("content-type".equalsIgnoreCase(e.getKey()) && !e.getValue().isEmpty()) {
        return e.getValue().iterator().next();
      }
    }
    return null;
  }
}
