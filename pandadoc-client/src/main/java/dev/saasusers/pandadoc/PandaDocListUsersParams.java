package dev.saasusers.pandadoc;

/**
 * Optional parameters of {@link PandaDocClient.Users#list(PandaDocListUsersParams)}, checked when built.
 *
 * <pre>{@code
 * client.users().list(PandaDocListUsersParams.builder().pageSize(50).showRemoved(false).parallelPages(4).build());
 * }</pre>
 *
 * @param pageSize users per request ({@code count}), 1 to 50
 * @param showRemoved whether to include users with removed memberships; null for the API's default (true)
 * @param parallelPages pages fetched at once after the first reveals the total; 1 is sequential
 */
public record PandaDocListUsersParams(int pageSize, Boolean showRemoved, int parallelPages) {
  /** The API's largest page, and the default. */
  public static final int MAX_PAGE_SIZE = 50;

  /**
   * Checks the values before any request.
   *
   * @param pageSize users per request, 1 to 50
   * @param showRemoved whether to include removed memberships; null for the default
   * @param parallelPages pages fetched at once, 1 to 64
   * @throws IllegalArgumentException naming a value out of range
   */
  public PandaDocListUsersParams {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
    }
    if (parallelPages < 1 || parallelPages > 64) {
      throw new IllegalArgumentException("parallelPages must be between 1 and 64, was " + parallelPages);
    }
  }

  /** @return a builder with the API's defaults and sequential paging */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PandaDocListUsersParams}. */
  public static final class Builder {
    private int pageSize = MAX_PAGE_SIZE;
    private Boolean showRemoved;
    private int parallelPages = 1;

    private Builder() {
    }

    /**
     * @param pageSize users per request, 1 to 50
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * @param showRemoved whether to include users with removed memberships
     * @return this builder
     */
    public Builder showRemoved(boolean showRemoved) {
      this.showRemoved = showRemoved;
      return this;
    }

    /**
     * @param parallelPages pages fetched at once, 1 to 64; 4 is a good start, still in order
     * @return this builder
     */
    public Builder parallelPages(int parallelPages) {
      this.parallelPages = parallelPages;
      return this;
    }

    /** @return the checked parameters */
    public PandaDocListUsersParams build() {
      return new PandaDocListUsersParams(pageSize, showRemoved, parallelPages);
    }
  }
}
