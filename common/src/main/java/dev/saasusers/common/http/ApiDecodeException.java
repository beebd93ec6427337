package dev.saasusers.common.http;

/**
 * A successful response's body could not be read as the expected type, or was larger than
 * {@code maxResponseBytes}. Not retried: the same body would fail again.
 */
public class ApiDecodeException extends SdkException {
  private static final long serialVersionUID = 1L;
  /** The longest body snippet kept, in characters. */
  public static final int MAX_SNIPPET_CHARS = 200;

  /** The start of the body that failed to decode, secrets redacted. */
  private final String snippet;

  /**
   * Creates an {@code ApiDecodeException}.
   *
   * @param message what failed, naming vendor and operation
   * @param snippet the start of the offending body; redacted and cut to
   *     {@link #MAX_SNIPPET_CHARS} here
   * @param cause the parser's failure, or null
   */
  public ApiDecodeException(String message, String snippet, Throwable cause) {
    super(message, cause);
    String s = snippet == null ? "" : snippet;
    s = s.length() > MAX_SNIPPET_CHARS ? s.substring(0, MAX_SNIPPET_CHARS) : s;
    this.snippet = Redaction.redactJson(s);
  }

  /** {@return the start of the body that could not be decoded, secrets redacted} */
  public String snippet() {
    return snippet;
  }
}
