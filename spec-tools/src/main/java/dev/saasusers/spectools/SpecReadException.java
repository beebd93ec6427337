package dev.saasusers.spectools;

/** A spec file is missing, unreadable or not an OpenAPI document; the message names the file. */
public class SpecReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the file
   * @param cause the underlying error, or null
   */
  public SpecReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
