package dev.saasusers.podero;

import dev.saasusers.common.client.OrganizationClient.OrgParams;
import dev.saasusers.common.config.UuidArgument;
import java.util.Objects;
import java.util.UUID;

/**
 * Optional parameters of Podero's {@code users().list(params)}.
 *
 * <pre>{@code
 * client.users().list(PoderoListUsersParams.builder().includeDeleted(true).orgId(otherOrg).build());
 * }</pre>
 *
 * @param includeDeleted whether to include soft-deleted users; null for the API's default (false)
 * @param orgId the organization to list, for this listing only; null for the client's
 */
public record PoderoListUsersParams(Boolean includeDeleted, UUID orgId) implements OrgParams {

  /** {@return a builder with nothing set: the client's organization, active users} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PoderoListUsersParams}. */
  public static final class Builder {
    private Boolean includeDeleted;
    private UUID orgId;

    private Builder() {
    }

    /**
     * Sets {@code include_deleted}.
     *
     * @param includeDeleted whether to include soft-deleted users
     * @return this builder
     */
    public Builder includeDeleted(boolean includeDeleted) {
      this.includeDeleted = includeDeleted;
      return this;
    }

    /**
     * Lists another organization than the client's.
     *
     * @param orgId the organization's UUID
     * @return this builder
     * @throws IllegalArgumentException when it is not a UUID, before any request
     */
    public Builder orgId(String orgId) {
      this.orgId = UuidArgument.parse("orgId", orgId);
      return this;
    }

    /**
     * Lists another organization than the client's.
     *
     * @param orgId the organization
     * @return this builder
     */
    public Builder orgId(UUID orgId) {
      this.orgId = Objects.requireNonNull(orgId, "orgId");
      return this;
    }

    /** {@return the parameters} */
    public PoderoListUsersParams build() {
      return new PoderoListUsersParams(includeDeleted, orgId);
    }
  }
}
