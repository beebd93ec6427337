package dev.saasusers.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A vendor API, or its OAuth2 token endpoint, answered with an error status. Subclasses name the
 * common statuses, and {@code AuthenticationException} a token request whose credentials were
 * refused; other statuses are thrown as this class. {@link #statusCode()} is the status in every
 * case.
 *
 * <pre>{@code
 * try { api.listUsers(...); }
 * catch (RateLimitException e) { e.retryAfter().ifPresent(wait -> ...); }
 * catch (ApiException e) { log.warn("{} (HTTP {})", e.getMessage(), e.statusCode()); }
 * }</pre>
 *
 * <p>The message reads {@code "Datagrid listUsers failed: HTTP 429 Too Many Requests: <vendor
 * message> (retry after 2s)"}. The URL holds no secret query values, and the kept body is bounded.
 *
 * <p>A 4xx other than 408 and 429 is {@link #permanent()}: a listing that fails with it offers no
 * checkpoint to resume from.
 */
public class ApiException extends SdkException {
  private static final long serialVersionUID = 1L;
  /** The longest body text kept on an exception, in characters. */
  public static final int MAX_BODY_CHARS = 8 * 1024;
  private static final int MAX_BODY_READ = 64 * 1024;
  private static final int MAX_VENDOR_MESSAGE = 500;

  /** The HTTP status. */
  private final int statusCode;
  /** Response headers, credential values redacted. */
  private final Map<String, List<String>> headers;
  /** The body text, bounded, with the client's secrets scrubbed. */
  private final String body;
  /** The body as the vendor sent it, bounded; handed out only on explicit request. */
  private final transient String unscrubbedBody;
  /** The request's HTTP method. */
  private final String method;
  /** The request URL, secret query values redacted. */
  private final String url;
  /** The vendor's display name. */
  private final String vendor;
  /** The failed operation. */
  private final String operation;
  /** The vendor's own error message, or null. */
  private final String vendorMessage;
  /** The Retry-After wait, or null. */
  private final Duration retryAfter;
  private final transient ObjectMapper mapper;

  /** Everything an {@link ApiException} carries. */
  record Failure(
      VendorProfile vendor, String operation, String method, String url, int status,
      Map<String, Collection<String>> headers, String body, String vendorMessage,
      Duration retryAfter, ObjectMapper mapper, SecretRegistry secrets) {
  }

  ApiException(Failure f) {
    super(message(f));
    this.statusCode = f.status();
    this.headers = RawResponse.caseInsensitiveCopy(f.headers(),
        (name, value) -> f.secrets().scrub(Redaction.redactHeader(name, value)));
    this.unscrubbedBody = f.body() == null ? "" : f.body();
    this.body = f.secrets().scrub(unscrubbedBody);
    this.method = f.method();
    this.url = Redaction.redactUrl(f.url());
    this.vendor = f.vendor().displayName();
    this.operation = f.operation();
    this.vendorMessage = f.secrets().scrub(f.vendorMessage());
    this.retryAfter = f.retryAfter();
    this.mapper = f.mapper();
  }

  /**
   * Gives an error answer a more specific meaning and message, for a subclass outside this
   * package such as {@code AuthenticationException}: the copy keeps everything {@code failure}
   * carries (status, scrubbed headers and body, request, vendor, operation, vendor message,
   * Retry-After, attempts).
   *
   * @param message what failed; never holds a secret
   * @param failure the error answer, as the pipeline typed it
   */
  protected ApiException(String message, ApiException failure) {
    super(message, null, failure.attempts());
    this.statusCode = failure.statusCode;
    this.headers = failure.headers;
    this.body = failure.body;
    this.unscrubbedBody = failure.unscrubbedBody;
    this.method = failure.method;
    this.url = failure.url;
    this.vendor = failure.vendor;
    this.operation = failure.operation;
    this.vendorMessage = failure.vendorMessage;
    this.retryAfter = failure.retryAfter;
    this.mapper = failure.mapper;
  }

  /**
   * Turns an error response into the exception for its status, reading (and closing) its body.
   * Used by the client's error decoder; token endpoint failures come from
   * {@link RawExchange#failure}.
   *
   * @param vendor the vendor
   * @param operation the operation, for example {@code listUsers}
   * @param response the error response
   * @param mapper parses the vendor's error body
   * @return the typed exception, not thrown
   */
  public static ApiException from(
      VendorProfile vendor, String operation, Response response, ObjectMapper mapper) {
    return from(vendor, operation, response, mapper, SecretRegistry.create());
  }

  /**
   * Turns an error response into the exception for its status, with every secret the client
   * holds scrubbed from the vendor's text (message, body, headers).
   *
   * @param vendor the vendor
   * @param operation the operation, for example {@code listUsers}
   * @param response the error response
   * @param mapper parses the vendor's error body
   * @param secrets the client's secrets
   * @return the typed exception, not thrown
   */
  public static ApiException from(VendorProfile vendor, String operation, Response response,
      ObjectMapper mapper, SecretRegistry secrets) {
    String url = response.request() == null ? "" : response.request().url();
    String method = response.request() == null ? "" : response.request().httpMethod().name();
    return from(vendor, operation, method, url, response.status(), response.headers(),
        readBounded(response), mapper, secrets);
  }

  /** The exception for an error answer already read: {@code text} is its body, at most 64 KiB. */
  static ApiException from(VendorProfile vendor, String operation, String method, String url,
      int status, Map<String, Collection<String>> headers, String text, ObjectMapper mapper,
      SecretRegistry secrets) {
    Duration retryAfter = RetryAfterHeader.parse(headers).orElse(null);
    Failure f = new Failure(vendor, operation, method, url, status, headers,
        text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text,
        vendorMessage(vendor, text, mapper), retryAfter, mapper, secrets);
    return forStatus(f);
  }

  static ApiException forStatus(Failure f) {
    int s = f.status();
    switch (s) {
      case 400: return new BadRequestException(f);
      case 401: return new UnauthorizedException(f);
      case 403: return new PermissionDeniedException(f);
      case 404: return new NotFoundException(f);
      case 409: return new ConflictException(f);
      case 422: return new UnprocessableEntityException(f);
      case 429: return new RateLimitException(f);
      default: return s >= 500 && s < 600 ? new ServerException(f) : new ApiException(f);
    }
  }

  /** {@return the HTTP status, for example 401; for a token request, the token endpoint's} */
  public int statusCode() {
    return statusCode;
  }

  /**
   * {@return true for a 4xx other than 408 (timeout) and 429 (rate limit): the same request
   * fails the same way until the credentials, permissions or input change}
   */
  @Override
  public boolean permanent() {
    return statusCode >= 400 && statusCode < 500 && statusCode != 408 && statusCode != 429;
  }

  /** {@return the response headers, case-insensitive, with credential-bearing values redacted} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * {@return its first value, if present}
   *
   * @param name a header name, in any case
   */
  public Optional<String> header(String name) {
    return RawResponse.firstValue(headers, name);
  }

  /**
   * {@return the request id the vendor sent with the error ({@code X-Request-Id}, {@code
   *     Request-Id}, ...), to quote in a support ticket; empty when it sent none}
   */
  public Optional<String> requestId() {
    return ResponseMetadata.requestId(headers);
  }

  /**
   * {@return the body exactly as the vendor sent it (bounded), secrets it echoed included. Never
   *     log or show it: doing so safely is the caller's responsibility. {@link #body()} is the scrubbed
   *     form. Not kept when the exception is serialized.}
   */
  public String unscrubbedBody() {
    return unscrubbedBody == null ? body : unscrubbedBody;
  }

  /**
   * {@return the response body as text, at most {@link #MAX_BODY_CHARS} characters, with every
   *     secret the client holds replaced by {@code ***}}
   */
  public String body() {
    return body;
  }

  /** {@return the HTTP method of the failed request} */
  public String method() {
    return method;
  }

  /** {@return the request URL, with secret query values redacted} */
  public String url() {
    return url;
  }

  /** {@return the vendor's display name} */
  public String vendor() {
    return vendor;
  }

  /** {@return the operation that failed, for example {@code listUsers}} */
  public String operation() {
    return operation;
  }

  /** {@return the message the vendor put in its error body, if any} */
  public Optional<String> vendorMessage() {
    return Optional.ofNullable(vendorMessage);
  }

  /** {@return the wait the server asked for with Retry-After, if it sent one} */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Reads the error body as a vendor's error model, for example Polytomic's {@code ApiError}.
   *
   * @param type the model class
   * @param <T> the model type
   * @return the parsed body, or empty when the body is empty or is not that JSON
   */
  public <T> Optional<T> bodyAs(Class<T> type) {
    if (body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable((mapper != null ? mapper : JsonMapper.standard()).readValue(body, type));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String message(Failure f) {
    StringBuilder m = new StringBuilder()
        .append(f.vendor().displayName()).append(' ').append(f.operation()).append(" failed: HTTP ")
        .append(f.status());
    String reason = ReasonPhrase.of(f.status());
    if (!reason.isEmpty()) {
      m.append(' ').append(reason);
    }
    if (f.vendorMessage() != null) {
      m.append(": ").append(f.secrets().scrub(f.vendorMessage()));
    }
    if (f.retryAfter() != null) {
      // An absurd wait is shown as sent: a clamped number would be one the server never said.
      m.append(f.retryAfter().compareTo(RetryAfterHeader.LONGEST) >= 0
          ? " (asked to wait " + RetryAfterHeader.asSent(f.headers()) + ")"
          : " (retry after " + formatWait(f.retryAfter()) + ")");
    }
    return m.toString();
  }

  /**
   * {@return {@code 2s} for whole seconds or more, {@code 250ms} below one second}
   *
   * @param wait a wait
   */
  static String formatWait(Duration wait) {
    if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
      return wait.toMillis() + "ms";
    }
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return seconds + "s";
  }

  private static String readBounded(Response response) {
    if (response.body() == null) {
      return "";
    }
    try (InputStream in = response.body().asInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY_READ);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  static String vendorMessage(VendorProfile vendor, String body, ObjectMapper mapper) {
    if (body == null || body.isBlank() || mapper == null) {
      return null;
    }
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (root == null || !root.isObject()) {
      return null;
    }
    for (String field : vendor.errorMessageFields()) {
      String text = textOf(root.get(field));
      if (text != null) {
        String clean = text.replaceAll("[\\r\\n\\t]+", " ").trim();
        if (!clean.isEmpty()) {
          return clean.length() > MAX_VENDOR_MESSAGE
              ? clean.substring(0, MAX_VENDOR_MESSAGE) + "..." : clean;
        }
      }
    }
    return null;
  }

  private static String textOf(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isValueNode()) {
      return node.asText();
    }
    if (node.isObject()) {
      // {"error": {"message": "..."}}
      return textOf(node.get("message"));
    }
    if (node.isArray() && node.size() > 0) {
      List<String> parts = new ArrayList<>();
      node.forEach(n -> {
        String t = textOf(n);
        if (t != null) {
          parts.add(t);
        }
      });
      return parts.isEmpty() ? null : String.join("; ", parts);
    }
    return null;
  }
}
