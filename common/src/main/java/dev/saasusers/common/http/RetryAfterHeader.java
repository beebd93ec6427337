package dev.saasusers.common.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Reads how long a server asked to wait: {@code Retry-After} as delta-seconds or HTTP-date (or
 * {@code Retry-After-Ms}). Waits are clamped to {@link #LONGEST}, so that no time arithmetic on
 * them can overflow; a wait that long is over any {@code maxRetryAfter}, and messages show it as
 * the server sent it ({@link #asSent}).
 */
final class RetryAfterHeader {
  /** The longest wait kept: longer ones are absurd, and fail the call at once anyway. */
  static final Duration LONGEST = Duration.ofDays(365L * 100);
  private static final int MAX_SHOWN_CHARS = 64;

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
        if (ms >= 0 && !Double.isNaN(ms)) {
          return Optional.of(ms >= LONGEST.toMillis() ? LONGEST
              : Duration.ofMillis((long) Math.ceil(ms)));
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
      // More digits than a long holds is absurd too: clamped, never an overflow.
      boolean huge = value.length() > 18 || Long.parseLong(value) >= LONGEST.getSeconds();
      return Optional.of(huge ? LONGEST : Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO
          : wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * {@return the wait header as the server sent it, single-line and bounded, for a message}
   *
   * @param headers response headers
   */
  static String asSent(Map<String, Collection<String>> headers) {
    String millis = headers == null ? null : first(headers, "retry-after-ms");
    String value = millis != null ? "Retry-After-Ms: " + millis
        : "Retry-After: " + (headers == null ? null : first(headers, "retry-after"));
    value = value.replaceAll("\\p{Cntrl}", " ").strip();
    return value.length() > MAX_SHOWN_CHARS ? value.substring(0, MAX_SHOWN_CHARS) + "..." : value;
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
