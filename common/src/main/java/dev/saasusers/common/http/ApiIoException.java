package dev.saasusers.common.http;

/**
 * The request could not be completed at the transport level (connection refused or reset, read
 * timeout, body cut off), after every retry.
 */
public class ApiIoException extends SdkException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming vendor and operation; never a secret
   * @param cause the I/O failure
   */
  public ApiIoException(String message, Throwable cause) {
    super(message, cause);
  }
}
