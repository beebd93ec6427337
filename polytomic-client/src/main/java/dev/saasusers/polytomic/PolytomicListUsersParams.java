package dev.saasusers.polytomic;

import dev.saasusers.common.client.OrganizationClient.OrgParams;
import java.util.Objects;
import java.util.UUID;

/**
 * Optional parameters of Polytomic's {@code users().list(params)}: another organization than the
 * client's, for this listing only. Immutable; {@code withOrgId(String)} checks the UUID there,
 * before any request.
 *
 * <pre>{@code
 * client.users().list(PolytomicListUsersParams.defaults().withOrgId(otherOrg));
 * }</pre>
 *
 * @param orgId the organization to list; null for the client's
 */
public record PolytomicListUsersParams(UUID orgId) implements OrgParams<PolytomicListUsersParams> {
  private static final PolytomicListUsersParams DEFAULTS = new PolytomicListUsersParams(null);

  /** {@return nothing set: the client's organization} */
  public static PolytomicListUsersParams defaults() {
    return DEFAULTS;
  }

  /**
   * Lists another organization than the client's.
   *
   * @param orgId the organization
   * @return a copy with {@code orgId} set
   */
  @Override
  public PolytomicListUsersParams withOrgId(UUID orgId) {
    return new PolytomicListUsersParams(Objects.requireNonNull(orgId, "orgId"));
  }
}
