package dev.saasusers.polytomic;

import dev.saasusers.common.client.OrganizationClient.OrgParams;
import dev.saasusers.common.config.UuidArgument;
import java.util.Objects;
import java.util.UUID;

/**
 * Optional parameters of Polytomic's {@code users().list(params)}: another organization than the
 * client's, for this listing only.
 *
 * <pre>{@code
 * client.users().list(PolytomicListUsersParams.builder().orgId(otherOrg).build());
 * }</pre>
 *
 * @param orgId the organization to list; null for the client's
 */
public record PolytomicListUsersParams(UUID orgId) implements OrgParams {

  /** {@return a builder with nothing set: the client's organization} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PolytomicListUsersParams}. */
  public static final class Builder {
    private UUID orgId;

    private Builder() {
    }

    /**
     * Lists another organization than the client's.
     *
     * @param orgId the organization's UUID
     * @return this builder
     * @throws IllegalArgumentException when it is not a UUID, before any request
     */
    public Builder orgId(String orgId) {
      return orgId(UuidArgument.parse("orgId", orgId));
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
    public PolytomicListUsersParams build() {
      return new PolytomicListUsersParams(orgId);
    }
  }
}
