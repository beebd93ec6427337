package dev.saasusers.common.http;

/**
 * 429 Too Many Requests. {@link #retryAfter()} holds the wait the server asked for; the client
 * has already waited and retried when that wait was within {@code maxRetryAfter}.
 */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  RateLimitException(Failure failure) {
    super(failure);
  }
}
