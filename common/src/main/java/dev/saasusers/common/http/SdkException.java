package dev.saasusers.common.http;

import java.util.Optional;

/**
 * The base of every exception this SDK throws for a failed call or listing.
 *
 * <p>When a listing fails part-way, the exception carries the checkpoint of the last page that
 * was fully delivered; pass it to {@code resumeFrom(checkpoint)} to continue with no user lost or
 * repeated.
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
   * @param message what failed; never holds a secret
   */
  public SdkException(String message) {
    super(message);
  }

  /**
   * @param message what failed; never holds a secret
   * @param cause the underlying failure
   */
  public SdkException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * @return where a listing that failed with this exception can resume, if it failed mid-listing
   */
  public Optional<String> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  /**
   * @return how many HTTP attempts were made for the failed call (retries included), or 0 when
   *     the failure did not come from a request
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Makes a copy of this exception, of the same class, that carries where the failed listing can
   * resume. This exception is unchanged.
   *
   * @param checkpoint the checkpoint of the last fully delivered page
   * @return the copy
   */
  public SdkException withCheckpoint(String checkpoint) {
    SdkException copy = copy();
    copy.checkpoint = checkpoint;
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

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return checkpoint == null ? message : message + " (resume from checkpoint " + checkpoint + ")";
  }
}
