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
 */
public class SdkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Where a listing can resume after this failure, or null. */
  private volatile String checkpoint;

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
   * Records where the failed listing can resume. Called by the paging layer, once, before the
   * exception reaches the caller.
   *
   * @param checkpoint the checkpoint of the last fully delivered page
   * @return this exception
   */
  public SdkException withCheckpoint(String checkpoint) {
    this.checkpoint = checkpoint;
    return this;
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return checkpoint == null ? message : message + " (resume from checkpoint " + checkpoint + ")";
  }
}
