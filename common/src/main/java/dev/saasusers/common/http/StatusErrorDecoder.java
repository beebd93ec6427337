package dev.saasusers.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Turns an error status into the typed {@link ApiException}. Whether it is retried is the
 * {@link RetryLoop}'s decision alone, made from the exception's status, method and Retry-After.
 */
final class StatusErrorDecoder implements ErrorDecoder {
  private final VendorProfile vendor;
  private final ObjectMapper mapper;
  private final SecretRegistry secrets;

  StatusErrorDecoder(VendorProfile vendor, ObjectMapper mapper, SecretRegistry secrets) {
    this.vendor = vendor;
    this.mapper = mapper;
    this.secrets = secrets;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    ApiException error = ApiException.from(
        vendor, CallHandler.operationFromConfigKey(methodKey), response, mapper, secrets);
    LoggingListener.traceBody(vendor.id(), "error response " + response.status(),
        ObservedTransport.contentType(response.headers()),
        error.body().getBytes(StandardCharsets.UTF_8), secrets);
    return error;
  }
}
