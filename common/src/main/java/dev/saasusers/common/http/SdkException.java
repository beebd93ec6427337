package dev.saasusers.common.http;

import java.util.Optional;

/**
 * The base of every exception this SDK throws for a failed call or listing.
 *
 * <pre>
 * SdkException                      every failure; checkpoint(), permanent(), attempts()
 * ├── ApiException                  an HTTP error status; statusCode(), headers(), body(), ...
 * │   ├── BadRequestException           400
 * │   ├── UnauthorizedException         401
 * │   ├── PermissionDeniedException     403
 * │   ├── NotFoundException             404
 * │   ├── ConflictException             409
 * │   ├── UnprocessableEntityException  422
 * │   ├── RateLimitException            429, with the Retry-After wait
 * │   ├── ServerException               5xx
 * │   └── AuthenticationException       the token endpoint refused the credentials (400, 401, 403)
 * ├── ApiIoException                the transport failed (API call or token request)
 * ├── ApiDecodeException            a 2xx body that is not the expected JSON
 * ├── IncompleteResponseException   a 2xx answer missing what the spec requires; statusCode()
 * └── PagingException               the server broke a paging rule
 * </pre>
 *
 * <p>When a listing fails part-way on a failure that is not {@link #permanent()}, the exception
 * carries the checkpoint of the last page that was fully delivered; pass it to
 * {@code resumeFrom(checkpoint)} to continue with no user lost or repeated. A permanent failure
 * (an HTTP 4xx other than 408 and 429: wrong credentials, no permission, not found, a bad
 * request) carries none, since resuming would fail the same way until its cause is fixed.
 *
 * <pre>{@code
 * try { client.users().list().forEach(sink); }
 * catch (SdkException e) { e.checkpoint().ifPresent(store::save); }
 * }</pre>
 *
 * <p>Immutable: {@link #withCheckpoint} and the retry loop make copies of the same class, so an
 * exception that one thread saw never changes under another.
 */
public class SdkException extends RuntimeException implements Cloneable {
  private static final long serialVersionUID = 1L;

  /** Where a listing can resume after this failure, or null; set only on a fresh copy. */
  private String checkpoint;
  /** Attempts the retry loop made before giving up; 0 when no loop ran the call. */
  private int attempts;

  /**
   * Creates an exception without a cause.
   *
   * @param message what failed; never holds a secret
   */
  public SdkException(String message) {
    super(message);
  }

  /**
   * Creates an exception with the failure that caused it.
   *
   * @param message what failed; never holds a secret
   * @param cause the underlying failure
   */
  public SdkException(String message, Throwable cause) {
    super(message, cause);
  }

  /** For an exception that describes a failure another loop already gave up on. */
  SdkException(String message, Throwable cause, int attempts) {
    super(message, cause);
    this.attempts = attempts;
  }

  /**
   * {@return where a listing that failed with this exception can resume; empty when the failure
   * did not happen during a listing, or is {@link #permanent()}}
   */
  public Optional<String> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  /**
   * {@return true when trying again cannot succeed until the cause is fixed: for the SDK's own
   * exceptions, an HTTP 4xx other than 408 and 429} Such a failure is not retried, and a listing
   * that fails with it offers no checkpoint. I/O errors, 408, 429, 5xx, incomplete or
   * undecodable answers and broken paging are not permanent: a later run may succeed.
   */
  public boolean permanent() {
    return false;
  }

  /**
   * {@return how many HTTP attempts were made for the failed call (retries included), or 0 when
   * the failure did not come from a request}
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Makes a copy of this exception, of the same class, that carries where the failed listing can
   * resume. A {@link #permanent()} failure takes no checkpoint: its copy has none, and its
   * message no resume hint. This exception is unchanged.
   *
   * @param checkpoint the checkpoint of the last fully delivered page
   * @return the copy
   */
  public SdkException withCheckpoint(String checkpoint) {
    SdkException copy = copy();
    copy.checkpoint = permanent() ? null : checkpoint;
    return copy;
  }

  /**
   * Makes a copy of this exception, of the same class and state, with the current thread's
   * stack trace: for a failure that one thread met on behalf of others (a token request they
   * all waited for), so that each thread throws its own instance. This exception is unchanged.
   *
   * @return the copy
   */
  public SdkException forCurrentThread() {
    SdkException copy = copy();
    copy.fillInStackTrace();
    return copy;
  }

  /** A copy marked as the final outcome of a retry loop that made {@code attempts} attempts. */
  SdkException afterAttempts(int attempts) {
    SdkException copy = copy();
    copy.attempts = attempts;
    return copy;
  }

  private SdkException copy() {
    try {
      return (SdkException) super.clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e); // SdkException is Cloneable
    }
  }

  /**
   * {@return what failed, without the resume hint that {@link #getMessage()} adds when there is a
   * checkpoint} For a caller that words the hint itself, such as a command line.
   */
  public String messageWithoutCheckpoint() {
    return super.getMessage();
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return checkpoint == null ? message : message + " (resume from checkpoint " + checkpoint + ")";
  }
}
