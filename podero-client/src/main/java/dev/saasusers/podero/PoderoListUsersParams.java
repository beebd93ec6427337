package dev.saasusers.podero;

/**
 * Optional parameters of {@link PoderoClient.Users#list(PoderoListUsersParams)}.
 *
 * <pre>{@code
 * client.users().list(PoderoListUsersParams.builder().orgId(org).includeDeleted(true).build());
 * }</pre>
 *
 * @param orgId the organization to list, as a UUID; null for the client's default
 * @param includeDeleted whether to include soft-deleted users; null for the API's default (false)
 */
public record PoderoListUsersParams(String orgId, Boolean includeDeleted) {

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PoderoListUsersParams}. */
  public static final class Builder {
    private String orgId;
    private Boolean includeDeleted;

    private Builder() {
    }

    /**
     * @param orgId the organization to list, as a UUID
     * @return this builder
     */
    public Builder orgId(String orgId) {
      this.orgId = orgId;
      return this;
    }

    /**
     * @param includeDeleted whether to include soft-deleted users
     * @return this builder
     */
    public Builder includeDeleted(boolean includeDeleted) {
      this.includeDeleted = includeDeleted;
      return this;
    }

    /** @return the parameters */
    public PoderoListUsersParams build() {
      return new PoderoListUsersParams(orgId, includeDeleted);
    }
  }
}
