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
  private final Boolean retryNonIdempotent;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.maxRetries = b.maxRetries;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.parallelism = b.parallelism;
    this.retryNonIdempotent = b.retryNonIdempotent;
  }

  /** {@return a builder with nothing overridden} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return options that override nothing} */
  public static RequestOptions none() {
    return NONE;
  }

  /**
   * {@return the deadline of each attempt, connect to last byte, if overridden; it is also the read
   *     timeout of these calls}
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** {@return retries after the first attempt, if overridden} */
  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  /** {@return headers added to every request (replacing client headers of the same name)} */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * {@return pages fetched at once by listings that can fetch pages in parallel (PandaDoc), if
   *     overridden: the default of every listing of the derived client, which a listing's own {@code
   *     PagedIterable.parallelism(n)} replaces}
   */
  public OptionalInt parallelism() {
    return parallelism == null ? OptionalInt.empty() : OptionalInt.of(parallelism);
  }

  /**
   * {@return these options with every option {@code later} sets replaced by its value}
   *
   * @param later options applied after these
   */
  public RequestOptions then(RequestOptions later) {
    Objects.requireNonNull(later, "later");
    Builder b = toBuilder();
    later.timeout().ifPresent(b::timeout);
    later.maxRetries().ifPresent(b::maxRetries);
    later.headers().forEach(b::header);
    later.parallelism().ifPresent(b::parallelism);
    later.retryNonIdempotent().ifPresent(b::retryNonIdempotent);
    return b.build();
  }

  /** {@return a builder holding these options} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.timeout = timeout;
    b.maxRetries = maxRetries;
    b.headers.putAll(headers);
    b.parallelism = parallelism;
    b.retryNonIdempotent = retryNonIdempotent;
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
    // The per-call timeout is the whole attempt's deadline and each read's limit too.
    timeout().ifPresent(t -> b.timeout(t).readTimeout(t));
    maxRetries().ifPresent(b::maxRetries);
    retryNonIdempotent().ifPresent(b::retryNonIdempotent);
    headers.forEach(b::header);
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestOptions other && Objects.equals(timeout, other.timeout)
        && Objects.equals(maxRetries, other.maxRetries) && headers.equals(other.headers)
        && Objects.equals(parallelism, other.parallelism)
        && Objects.equals(retryNonIdempotent, other.retryNonIdempotent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, maxRetries, headers, parallelism, retryNonIdempotent);
  }

  /**
   * {@return whether POST and PATCH are retried like GET, if overridden (see {@link
   *     Builder#retryNonIdempotent(boolean)})}
   */
  public Optional<Boolean> retryNonIdempotent() {
    return Optional.ofNullable(retryNonIdempotent);
  }

  /** Header values are left out: a caller may pass a secret as a header. */
  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", maxRetries=" + maxRetries + ", headers="
        + headers.keySet() + ", parallelism=" + parallelism + ", retryNonIdempotent="
        + retryNonIdempotent + "}";
  }

  /** Builds {@link RequestOptions}; unset options keep the client's values. */
  public static final class Builder {
    private Duration timeout;
    private Integer maxRetries;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Integer parallelism;
    private Boolean retryNonIdempotent;

    private Builder() {
    }

    /**
     * Opts these calls in to retrying POST and PATCH like GET, for operations the caller knows
     * are safe to repeat (for example, they carry an idempotency key). By default a write is
     * retried only where the server provably did not process it: connection refused, 429, or
     * 503 with Retry-After.
     *
     * @param retry true to retry writes on any retried failure
     * @return this builder
     */
    public Builder retryNonIdempotent(boolean retry) {
      this.retryNonIdempotent = retry;
      return this;
    }

    /**
     * Sets {@code timeout}.
     *
     * @param timeout the deadline of each attempt, connect to last byte, for these calls only
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
     * Sets {@code maxRetries}.
     *
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
     * Sets {@code name} and {@code value}.
     *
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
     * Sets {@code parallelism}.
     *
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

    /** {@return the options} */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
