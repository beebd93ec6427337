package dev.saasusers.common.http;

/** 401 Unauthorized: the credentials are missing, wrong or expired. */
public class UnauthorizedException extends ApiException {
  private static final long serialVersionUID = 1L;

  UnauthorizedException(Failure failure) {
    super(failure);
  }
}
