package dev.saasusers.spectools;

/**
 * One difference between two specs.
 *
 * @param area what changed: an operation, a parameter, a whole schema or a schema field
 * @param kind added, removed or changed
 * @param location where, e.g. {@code GET /public/v1/users} or {@code schema User.email}
 * @param description what changed, e.g. {@code type string -> integer}
 * @param breaking whether it can break the generated client, the facade or their users
 */
public record SpecChange(
    Area area, Kind kind, String location, String description, boolean breaking) {

  /** What a change is about. */
  public enum Area {
    /** An operation (method and path). */
    OPERATION,
    /** A parameter of an operation. */
    PARAMETER,
    /** A named schema under {@code components/schemas}. */
    SCHEMA,
    /** A field of a schema, or the schema of a body or parameter. */
    FIELD
  }

  /** Whether something was added, removed or changed. */
  public enum Kind {
    /** New in the candidate spec. */
    ADDED,
    /** Gone from the candidate spec. */
    REMOVED,
    /** In both, but different. */
    CHANGED
  }

  /**
   * One report line, e.g. {@code - schema User.role: field removed  [BREAKING]}.
   *
   * @return the line, without indentation
   */
  public String line() {
    char mark = kind == Kind.ADDED ? '+' : kind == Kind.REMOVED ? '-' : '~';
    return mark + " " + location + ": " + description + (breaking ? "  [BREAKING]" : "");
  }
}
