package dev.saasusers.spectools;

import java.util.List;

/**
 * A spec lacks operations a facade needs. The message names the vendor, the spec file and every
 * missing operation, and says what to do.
 */
public class MissingOperationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<RequiredOperation> missing;

  /**
   * Creates the exception.
   *
   * @param message the full explanation
   * @param missing the operations that are not in the spec
   */
  public MissingOperationException(String message, List<RequiredOperation> missing) {
    super(message);
    this.missing = List.copyOf(missing);
  }

  /**
   * The operations that are not in the spec.
   *
   * @return never empty
   */
  public List<RequiredOperation> missing() {
    return missing;
  }
}
