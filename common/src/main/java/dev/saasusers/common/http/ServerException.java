package dev.saasusers.common.http;

/** A 5xx status: the vendor failed. Retried automatically before it is thrown. */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  ServerException(Failure failure) {
    super(failure);
  }
}
