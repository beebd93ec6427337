package dev.saasusers.common.client;

import dev.saasusers.common.config.ClientOptions;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Overrides for some calls only, applied with a vendor client's {@code withOptions}: a derived
 * client that shares the original's connections and token cache but waits, retries, sends
 * headers and fetches pages differently. Every vendor client accepts it the same way.
 *
 * <pre>{@code
 * RequestOptions quick = RequestOptions.builder()
 *     .timeout(Duration.ofSeconds(2)).maxRetries(0).header("X-Request-Source", "nightly-sync").build();
 * client.withOptions(quick).users().list().forEach(System.out::println);
 * }</pre>
 *
 * <p>Immutable. An option left unset keeps the client's value.
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  private final Duration timeout;
  private final Integer maxRetries;
  private final Map<String, String> headers;
  private final Integer parallelism;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.maxRetries = b.maxRetries;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.parallelism = b.parallelism;
  }

  /** @return a builder with nothing overridden */
  public static Builder builder() {
    return new Builder();
  }

  /** @return options that override nothing */
  public static RequestOptions none() {
    return NONE;
  }

  /** @return the longest wait for each response (the read timeout), if overridden */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** @return retries after the first attempt, if overridden */
  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  /** @return headers added to every request (replacing client headers of the same name) */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * @return pages fetched at once by listings that can fetch pages in parallel (PandaDoc), if
   *     overridden; it takes precedence over the listing parameters
   */
  public OptionalInt parallelism() {
    return parallelism == null ? OptionalInt.empty() : OptionalInt.of(parallelism);
  }

  /**
   * @param later options applied after these
   * @return these options with every option {@code later} sets replaced by its value
   */
  public RequestOptions then(RequestOptions later) {
    Objects.requireNonNull(later, "later");
    Builder b = toBuilder();
    later.timeout().ifPresent(b::timeout);
    later.maxRetries().ifPresent(b::maxRetries);
    later.headers().forEach(b::header);
    later.parallelism().ifPresent(b::parallelism);
    return b.build();
  }

  /** @return a builder holding these options */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.timeout = timeout;
    b.maxRetries = maxRetries;
    b.headers.putAll(headers);
    b.parallelism = parallelism;
    return b;
  }

  /**
   * Applies the transport options to a client's options.
   *
   * @param base the client's options
   * @return options for the derived client; validated, so a bad header fails here, before any
   *     request
   * @throws IllegalArgumentException naming the option that is wrong
   */
  public ClientOptions applyTo(ClientOptions base) {
    Objects.requireNonNull(base, "base");
    ClientOptions.Builder b = base.toBuilder();
    timeout().ifPresent(b::readTimeout);
    maxRetries().ifPresent(b::maxRetries);
    headers.forEach(b::header);
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestOptions other && Objects.equals(timeout, other.timeout)
        && Objects.equals(maxRetries, other.maxRetries) && headers.equals(other.headers)
        && Objects.equals(parallelism, other.parallelism);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, maxRetries, headers, parallelism);
  }

  /** Header values are left out: a caller may pass a secret as a header. */
  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", maxRetries=" + maxRetries + ", headers="
        + headers.keySet() + ", parallelism=" + parallelism + "}";
  }

  /** Builds {@link RequestOptions}; unset options keep the client's values. */
  public static final class Builder {
    private Duration timeout;
    private Integer maxRetries;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Integer parallelism;

    private Builder() {
    }

    /**
     * @param timeout the longest wait for each response, for these calls only
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * @param maxRetries retries after the first attempt; 0 disables retrying
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * @param name header name, a valid HTTP token
     * @param value header value, without CR or LF
     * @return this builder
     * @throws IllegalArgumentException when the name is blank or the value holds a line break
     */
    public Builder header(String name, String value) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("header name must not be blank");
      }
      if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("header " + name.replaceAll("[\\r\\n]", "")
            + " value must be given, without CR or LF");
      }
      headers.put(name, value);
      return this;
    }

    /**
     * @param parallelism pages fetched at once where the listing allows it, 1 to 64
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1 || parallelism > 64) {
        throw new IllegalArgumentException("parallelism must be between 1 and 64, was " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /** @return the options */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
