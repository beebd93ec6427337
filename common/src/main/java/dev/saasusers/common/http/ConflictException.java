package dev.saasusers.common.http;

/** 409 Conflict. */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  ConflictException(Failure failure) {
    super(failure);
  }
}
