package dev.saasusers.common.http;

import java.util.Optional;

/**
 * The request could not be completed at the transport level (connection refused or reset, read
 * timeout, attempt deadline passed, body cut off), after every retry.
 */
public class ApiIoException extends SdkException {
  private static final long serialVersionUID = 1L;

  /** The request's HTTP method, or null when unknown. */
  private final String method;
  /** True when the request provably never reached the server (connection refused). */
  private final boolean notSent;

  /**
   * Creates an {@code ApiIoException}.
   *
   * @param message what failed, naming vendor and operation; never a secret
   * @param cause the I/O failure
   */
  public ApiIoException(String message, Throwable cause) {
    this(message, cause, null, false);
  }

  /**
   * Creates an {@code ApiIoException}.
   *
   * @param message what failed, naming vendor and operation; never a secret
   * @param cause the I/O failure
   * @param method the request's HTTP method, or null when unknown
   * @param notSent true when the request provably never reached the server, for example a
   *     refused connection, so that even a POST may be sent again
   */
  public ApiIoException(String message, Throwable cause, String method, boolean notSent) {
    super(message, cause);
    this.method = method;
    this.notSent = notSent;
  }

  /** {@return the HTTP method of the failed request, when known} */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  /**
   * {@return true when the request provably never reached the server (the connection was refused),
   *     so sending it again cannot repeat a write}
   */
  public boolean requestNotSent() {
    return notSent;
  }
}
