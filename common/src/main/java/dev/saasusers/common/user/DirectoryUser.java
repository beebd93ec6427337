package dev.saasusers.common.user;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One user of one vendor, in the shape every vendor shares: what an access review, a license
 * report or an offboarding check needs. Each vendor client maps its own model to it; the typed
 * vendor model stays available for everything else.
 *
 * <pre>{@code
 * for (UserDirectory directory : List.of(polytomic, datagrid, pandadoc, podero)) {
 *   directory.directoryUsers().forEach(u -> report.add(u.vendor(), u.email(), u.roles()));
 * }
 * }</pre>
 *
 * @param vendor vendor id, for example {@code datagrid}
 * @param id the vendor's id for the user
 * @param email the user's email address, or null when the vendor gave none
 * @param firstName first name, or null when the vendor has none
 * @param lastName last name, or null when the vendor has none
 * @param roles the user's roles as the vendor names them; never null
 * @param removed whether the vendor marks the user removed or deleted; null when the API does not say
 */
public record DirectoryUser(
    String vendor, String id, String email, String firstName, String lastName,
    List<String> roles, Boolean removed) {
  /** The role of a user whose vendor role is newer than the SDK's spec, so not known by name. */
  public static final String UNKNOWN_ROLE = "unknown";

  /**
   * Checks the required parts and copies the roles.
   *
   * @param vendor the vendor's id
   * @param id the user's id at the vendor
   * @param email the email address, or null
   * @param firstName first name, or null
   * @param lastName last name, or null
   * @param roles the roles; null is an empty list, null entries are dropped
   * @param removed whether the user is removed or deleted; null when the API does not say
   */
  public DirectoryUser {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(id, "id");
    roles = roles == null ? List.of() : roles.stream().filter(Objects::nonNull).toList();
  }

  /** {@return whether the vendor marks the user removed or deleted, if the API says so} */
  public Optional<Boolean> removedStatus() {
    return Optional.ofNullable(removed);
  }

  /** {@return first and last name joined by a space, or the email when the vendor has no name} */
  public String displayName() {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName))
        .trim();
    return name.isEmpty() ? (email == null ? id : email) : name;
  }
}
