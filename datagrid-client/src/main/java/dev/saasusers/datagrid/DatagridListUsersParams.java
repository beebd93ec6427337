package dev.saasusers.datagrid;

/**
 * Optional parameters of {@link DatagridClient}'s {@code users().list(params)}, checked when built.
 *
 * <pre>{@code
 * client.users().list(DatagridListUsersParams.builder().search("ann").pageSize(100).build());
 * }</pre>
 *
 * @param search filters users by name or email; null for all
 * @param pageSize users per request, 1 to 100; null for the API's default of 50
 * @param backwards page with {@code before} instead of {@code after}, from the end of the list
 */
public record DatagridListUsersParams(String search, Integer pageSize, boolean backwards) {
  /** The API's largest page. */
  public static final int MAX_PAGE_SIZE = 100;

  /**
   * Checks the values before any request.
   *
   * @param search filters users by name or email; null for all
   * @param pageSize users per request, 1 to 100; null for the default
   * @param backwards page with {@code before} instead of {@code after}
   * @throws IllegalArgumentException naming a value out of range
   */
  public DatagridListUsersParams {
    if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
    }
    if (search != null && search.isBlank()) {
      throw new IllegalArgumentException("search must not be blank; leave it unset to list all users");
    }
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DatagridListUsersParams}. */
  public static final class Builder {
    private String search;
    private Integer pageSize;
    private boolean backwards;

    private Builder() {
    }

    /**
     * Sets {@code search}.
     *
     * @param search filters users by name or email
     * @return this builder
     */
    public Builder search(String search) {
      this.search = search;
      return this;
    }

    /**
     * Sets {@code pageSize}.
     *
     * @param pageSize users per request, 1 to 100
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets {@code backwards}.
     *
     * @param backwards true to page with {@code before}, from the end of the list
     * @return this builder
     */
    public Builder backwards(boolean backwards) {
      this.backwards = backwards;
      return this;
    }

    /** {@return the checked parameters} */
    public DatagridListUsersParams build() {
      return new DatagridListUsersParams(search, pageSize, backwards);
    }
  }
}
