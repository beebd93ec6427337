package dev.saasusers.common.http;

/** 403 Forbidden: the credentials are valid but lack permission. */
public class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(Failure failure) {
    super(failure);
  }
}
