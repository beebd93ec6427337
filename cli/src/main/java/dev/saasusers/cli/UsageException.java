package dev.saasusers.cli;

/** A flag that does not fit the command: reported in one line with exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
