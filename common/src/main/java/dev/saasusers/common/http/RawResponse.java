package dev.saasusers.common.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * The status and headers of one HTTP response, with its decoded body.
 *
 * <pre>{@code
 * RawResponse<?> raw = page.rawResponse();      // or api.detailsUserWithHttpInfo(id)
 * raw.requestId().ifPresent(id -> log.info("request {}", id));
 * raw.rateLimit().ifPresent(limit -> limit.remaining().ifPresent(left -> log.info("{} left", left)));
 * }</pre>
 *
 * @param <T> the decoded body type
 */
public class RawResponse<T> {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final T data;

  /**
   * Creates a {@code RawResponse}.
   *
   * @param statusCode the HTTP status
   * @param headers the response headers, in any case
   * @param data the decoded body, or null when there is none
   */
  public RawResponse(int statusCode, Map<String, Collection<String>> headers, T data) {
    this.statusCode = statusCode;
    this.headers = caseInsensitiveCopy(headers, (name, value) -> value);
    this.data = data;
  }

  /** An unmodifiable copy with case-insensitive names; shared with {@link ApiException}. */
  static Map<String, List<String>> caseInsensitiveCopy(
      Map<String, Collection<String>> headers, BinaryOperator<String> valueOf) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      // Once per response: a loop, not a stream per header.
      for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
        String name = header.getKey();
        List<String> values = new ArrayList<>(header.getValue().size());
        for (String value : header.getValue()) {
          values.add(valueOf.apply(name, value));
        }
        copy.put(name, Collections.unmodifiableList(values));
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  static Optional<String> firstValue(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** {@return the HTTP status code} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return every response header; names are case-insensitive} */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * {@return the header's first value, if present}
   *
   * @param name a header name, in any case
   */
  public Optional<String> header(String name) {
    return firstValue(headers, name);
  }

  /**
   * {@return the request id the vendor sent ({@code X-Request-Id}, {@code Request-Id} and the rest
   *     of the common family), for a support ticket; empty when it sent none}
   */
  public Optional<String> requestId() {
    return ResponseMetadata.requestId(headers);
  }

  /** {@return the rate-limit headers, when the vendor sent any} */
  public Optional<RateLimit> rateLimit() {
    return ResponseMetadata.rateLimit(headers);
  }

  /** {@return the decoded body} */
  public T data() {
    return data;
  }

  /** {@return the HTTP status code (JavaBeans name, kept for generated code)} */
  public int getStatusCode() {
    return statusCode;
  }

  /** {@return the decoded body (JavaBeans name, kept for generated code)} */
  public T getData() {
    return data;
  }

  @Override
  public String toString() {
    return "RawResponse{status=" + statusCode + ", headers=" + headers.keySet() + "}";
  }
}
