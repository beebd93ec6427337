package dev.saasusers.cli;

/**
 * {@code diff} could not compare: an export cannot be read, is malformed, holds a user twice, or
 * is of another vendor. Exit code 2, as for {@code diff(1)}, since 1 means "changed".
 */
final class DiffException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DiffException(String message) {
    super(message);
  }

  DiffException(String message, Throwable cause) {
    super(message, cause);
  }
}
