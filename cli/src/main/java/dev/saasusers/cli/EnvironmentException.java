package dev.saasusers.cli;

/**
 * A missing or invalid credential variable: reported in one line with exit code 1 (the command
 * line was right; the environment was not).
 */
final class EnvironmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
