package dev.saasusers.common.http;

/** 400 Bad Request: the request was malformed or a parameter is invalid. */
public class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  BadRequestException(Failure failure) {
    super(failure);
  }
}
