package dev.saasusers.common.http;

/** 422 Unprocessable Entity: the request was understood but its content is invalid. */
public class UnprocessableEntityException extends ApiException {
  private static final long serialVersionUID = 1L;

  UnprocessableEntityException(Failure failure) {
    super(failure);
  }
}
