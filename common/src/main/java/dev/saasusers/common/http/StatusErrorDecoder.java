package dev.saasusers.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * Turns an error status into the typed {@link ApiException}, wrapped in Feign's
 * {@link RetryableException} when the status is retried (408, 429, 500, 502, 503, 504) or is a
 * 401 that fresh credentials may fix. Replaces {@code ErrorDecoder.Default}, which retries only
 * when a Retry-After header is present. A Retry-After over {@code maxRetryAfter} fails at once.
 */
final class StatusErrorDecoder implements ErrorDecoder {
  static final Set<Integer> RETRIED_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  private final VendorProfile vendor;
  private final ObjectMapper mapper;
  private final Duration maxRetryAfter;

  StatusErrorDecoder(VendorProfile vendor, ObjectMapper mapper, Duration maxRetryAfter) {
    this.vendor = vendor;
    this.mapper = mapper;
    this.maxRetryAfter = maxRetryAfter;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    ApiException error = ApiException.from(vendor, CallScope.operation(methodKey), response, mapper);
    LoggingListener.traceBody(vendor.id(), "error response " + response.status(),
        ObservedTransport.contentType(response.headers()),
        error.body().getBytes(StandardCharsets.UTF_8));
    int status = response.status();
    boolean retried = RETRIED_STATUSES.contains(status);
    if (retried && error.retryAfter().map(wait -> wait.compareTo(maxRetryAfter) > 0).orElse(false)) {
      return error;
    }
    if (retried || status == 401) {
      return new RetryableException(status, error.getMessage(), response.request().httpMethod(),
          error, (Long) null, response.request());
    }
    return error;
  }
}
