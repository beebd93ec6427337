package dev.saasusers.common.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Reads how long a server asked to wait: {@code Retry-After} as delta-seconds or HTTP-date. */
final class RetryAfterHeader {
  private RetryAfterHeader() {
  }

  static Optional<Duration> parse(Map<String, Collection<String>> headers) {
    return parse(headers, Clock.systemUTC());
  }

  static Optional<Duration> parse(Map<String, Collection<String>> headers, Clock clock) {
    if (headers == null) {
      return Optional.empty();
    }
    String millis = first(headers, "retry-after-ms");
    if (millis != null) {
      try {
        double ms = Double.parseDouble(millis.trim());
        if (ms >= 0 && !Double.isInfinite(ms)) {
          return Optional.of(Duration.ofMillis((long) Math.ceil(ms)));
        }
      } catch (NumberFormatException e) {
        // fall back to Retry-After
      }
    }
    String value = first(headers, "retry-after");
    return value == null ? Optional.empty() : parse(value.trim(), clock);
  }

  static Optional<Duration> parse(String value, Clock clock) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 2)); // absurdly large: over any cap
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String first(Map<String, Collection<String>> headers, String name) {
    for (Map.Entry<String, Collection<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null
          && !e.getValue().isEmpty()) {
        return e.getValue().iterator().next();
      }
    }
    return null;
  }
}
