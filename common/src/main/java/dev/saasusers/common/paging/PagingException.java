package dev.saasusers.common.paging;

import dev.saasusers.common.http.SdkException;

/**
 * A listing cannot go on because the server broke a paging rule, for example it returned the
 * same cursor twice.
 */
public class PagingException extends SdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a {@code PagingException}.
   *
   * @param message what went wrong, naming the cursor or page
   */
  public PagingException(String message) {
    super(message);
  }
}
