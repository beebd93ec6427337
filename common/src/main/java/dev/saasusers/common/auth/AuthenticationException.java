package dev.saasusers.common.auth;

import dev.saasusers.common.http.ApiException;
import java.util.Optional;

/**
 * The OAuth2 token endpoint refused the credentials: HTTP 400, 401 or 403, for example a wrong
 * client id or secret ({@code invalid_client}), a wrong username or password
 * ({@code invalid_grant}), or a malformed token request. Retrying with the same credentials will
 * not help, so it is {@link #permanent()} and a listing that fails with it offers no checkpoint.
 *
 * <p>An {@link ApiException} like any other error answer: {@link #statusCode()} is the token
 * endpoint's status, {@link #url()} the token URL (secret query values redacted),
 * {@link #operation()} is {@code token request}, and the body and headers are scrubbed of the client's
 * secrets. The message names the vendor, the token URL's path, the status and the OAuth error;
 * it never holds a secret.
 *
 * <p>Other failures of a token request keep the type they have elsewhere: a 404 or any other
 * status is the {@link ApiException} of that status ({@code NotFoundException},
 * {@code RateLimitException} and {@code ServerException} after the retries), and a transport
 * failure an {@code ApiIoException}. The call that needed the token does not retry any of them
 * again.
 */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** The OAuth {@code error} code, or null. */
  private final String oauthError;

  /**
   * Creates the exception for a refused token request.
   *
   * @param message what failed; never holds a secret
   * @param failure the token endpoint's error answer, as the pipeline typed it
   * @param oauthError the OAuth {@code error} code, or null when the body gave none
   */
  public AuthenticationException(String message, ApiException failure, String oauthError) {
    super(message, failure);
    this.oauthError = oauthError;
  }

  /** {@return the OAuth {@code error} code, for example {@code invalid_client}, if given} */
  public Optional<String> oauthError() {
    return Optional.ofNullable(oauthError);
  }
}
