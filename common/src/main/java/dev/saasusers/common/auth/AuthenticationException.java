package dev.saasusers.common.auth;

import dev.saasusers.common.http.SdkException;
import java.util.Optional;

/**
 * The token endpoint refused the credentials: wrong client id or secret ({@code invalid_client}),
 * wrong username or password ({@code invalid_grant}), or a malformed token request. Retrying with
 * the same credentials will not help. The message names the vendor, the token URL's path, the
 * HTTP status and the OAuth error; it never holds a secret.
 */
public class AuthenticationException extends SdkException {
  private static final long serialVersionUID = 1L;

  /** The token endpoint's HTTP status. */
  private final int status;
  /** The OAuth {@code error} code, or null. */
  private final String oauthError;
  /** The message as given, for a copy made on another thread. */
  private final String plainMessage;

  /**
   * @param message what failed; never holds a secret
   * @param status the token endpoint's HTTP status
   * @param oauthError the OAuth {@code error} code, or null when the body gave none
   */
  public AuthenticationException(String message, int status, String oauthError) {
    super(message);
    this.status = status;
    this.oauthError = oauthError;
    this.plainMessage = message;
  }

  /**
   * A copy for another thread that waited on the same failed token request, so that each thread
   * gets its own exception instance (checkpoints are set per instance).
   *
   * @param shared the exception thrown to the thread that made the request
   */
  AuthenticationException(AuthenticationException shared) {
    super(shared.plainMessage, shared);
    this.status = shared.status;
    this.oauthError = shared.oauthError;
    this.plainMessage = shared.plainMessage;
  }

  /** @return the token endpoint's HTTP status */
  public int status() {
    return status;
  }

  /** @return the OAuth {@code error} code, for example {@code invalid_client}, if given */
  public Optional<String> oauthError() {
    return Optional.ofNullable(oauthError);
  }
}
