package dev.saasusers.common.http;

/**
 * A successful status came with an answer that cannot be trusted as complete: the body is
 * missing, empty or {@code null}, or lacks a field the vendor's API spec requires (for a
 * listing, its list of items). Retried like a body cut off in transit, since a server that
 * answers so during an outage or a bad deploy often answers properly a moment later; never
 * turned into an empty result.
 *
 * <p>The message names vendor, operation, status and what was missing, for example
 * {@code "Datagrid listUsers failed: HTTP 200 response lacks required field(s) data, has_more"}.
 */
public class IncompleteResponseException extends SdkException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of the answer. */
  private final int statusCode;
  /** What was missing, for example {@code body} or {@code data}. */
  private final String missing;

  /**
   * Creates an {@code IncompleteResponseException}.
   *
   * @param message what failed, naming vendor, operation, status and what was missing
   * @param statusCode the answer's HTTP status
   * @param missing what was missing: {@code body}, or the names of the missing fields
   */
  public IncompleteResponseException(String message, int statusCode, String missing) {
    super(message);
    this.statusCode = statusCode;
    this.missing = missing;
  }

  /** {@return the HTTP status of the answer, for example 200} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return what was missing: {@code body}, or the missing fields' names} */
  public String missing() {
    return missing;
  }
}
