package dev.saasusers.common.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a response's headers say about the request that any vendor may send: its request id and
 * its rate-limit budget. Shared by {@link RawResponse} and {@link ApiException}.
 */
final class ResponseMetadata {
  /** The common request-id family, in the order they are tried. */
  static final List<String> REQUEST_ID_HEADERS = List.of(
      "X-Request-Id", "Request-Id", "X-Amzn-RequestId", "X-Amz-Request-Id", "X-Correlation-Id",
      "X-Trace-Id", "CF-Ray");

  private ResponseMetadata() {
  }

  static Optional<String> requestId(Map<String, List<String>> headers) {
    for (String name : REQUEST_ID_HEADERS) {
      Optional<String> value = RawResponse.firstValue(headers, name);
      if (value.isPresent() && !value.get().isBlank()) {
        return Optional.of(value.get().strip());
      }
    }
    return Optional.empty();
  }

  static Optional<RateLimit> rateLimit(Map<String, List<String>> headers) {
    OptionalLong limit = number(headers, "X-RateLimit-Limit", "RateLimit-Limit");
    OptionalLong remaining = number(headers, "X-RateLimit-Remaining", "RateLimit-Remaining");
    OptionalLong reset = number(headers, "X-RateLimit-Reset", "RateLimit-Reset");
    if (limit.isEmpty() && remaining.isEmpty() && reset.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RateLimit(limit, remaining, reset));
  }

  private static OptionalLong number(Map<String, List<String>> headers, String... names) {
    for (String name : names) {
      Optional<String> value = RawResponse.firstValue(headers, name);
      if (value.isPresent() && value.get().strip().matches("\\d{1,18}")) {
        return OptionalLong.of(Long.parseLong(value.get().strip()));
      }
    }
    return OptionalLong.empty();
  }
}
