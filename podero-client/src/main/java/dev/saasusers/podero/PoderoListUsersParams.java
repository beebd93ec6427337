package dev.saasusers.podero;

import dev.saasusers.common.client.OrganizationClient.OrgParams;
import java.util.Objects;
import java.util.UUID;

/**
 * Optional parameters of Podero's {@code users().list(params)}. Immutable; each {@code with...}
 * returns a copy, and {@code withOrgId(String)} checks the UUID there, before any request.
 *
 * <pre>{@code
 * client.users().list(PoderoListUsersParams.defaults().withIncludeDeleted(true).withOrgId(otherOrg));
 * }</pre>
 *
 * @param includeDeleted whether to include soft-deleted users; null for the API's default (false)
 * @param orgId the organization to list, for this listing only; null for the client's
 */
public record PoderoListUsersParams(Boolean includeDeleted, UUID orgId)
    implements OrgParams<PoderoListUsersParams> {
  private static final PoderoListUsersParams DEFAULTS = new PoderoListUsersParams(null, null);

  /** {@return nothing set: the client's organization, active users} */
  public static PoderoListUsersParams defaults() {
    return DEFAULTS;
  }

  /**
   * Sets {@code include_deleted}.
   *
   * @param includeDeleted whether to include soft-deleted users
   * @return a copy with {@code includeDeleted} set
   */
  public PoderoListUsersParams withIncludeDeleted(boolean includeDeleted) {
    return new PoderoListUsersParams(includeDeleted, orgId);
  }

  /**
   * Lists another organization than the client's.
   *
   * @param orgId the organization
   * @return a copy with {@code orgId} set
   */
  @Override
  public PoderoListUsersParams withOrgId(UUID orgId) {
    return new PoderoListUsersParams(includeDeleted, Objects.requireNonNull(orgId, "orgId"));
  }
}
