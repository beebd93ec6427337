package dev.saasusers.pandadoc;

/**
 * Optional parameters of PandaDoc's {@code users().list(params)}, checked when built. Pages in
 * parallel are a setting of the listing, not of the parameters: {@code list(params).parallelism(4)}
 * (or {@code RequestOptions.parallelism} for every listing of a derived client).
 *
 * <pre>{@code
 * client.users().list(PandaDocListUsersParams.builder().pageSize(50).showRemoved(false).build()).parallelism(4);
 * }</pre>
 *
 * @param pageSize users per request ({@code count}), 1 to 50
 * @param showRemoved whether to include users with removed memberships; null for the API's default (true)
 */
public record PandaDocListUsersParams(int pageSize, Boolean showRemoved) {
  /** The API's largest page, and the default. */
  public static final int MAX_PAGE_SIZE = 50;

  /**
   * Checks the values before any request.
   *
   * @param pageSize users per request, 1 to 50
   * @param showRemoved whether to include removed memberships; null for the default
   * @throws IllegalArgumentException naming a value out of range
   */
  public PandaDocListUsersParams {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
    }
  }

  /** {@return a builder with the API's defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PandaDocListUsersParams}. */
  public static final class Builder {
    private int pageSize = MAX_PAGE_SIZE;
    private Boolean showRemoved;

    private Builder() {
    }

    /**
     * Sets the users per request.
     *
     * @param pageSize users per request, 1 to 50
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets {@code show_removed}.
     *
     * @param showRemoved whether to include users with removed memberships
     * @return this builder
     */
    public Builder showRemoved(boolean showRemoved) {
      this.showRemoved = showRemoved;
      return this;
    }

    /** {@return the checked parameters} */
    public PandaDocListUsersParams build() {
      return new PandaDocListUsersParams(pageSize, showRemoved);
    }
  }
}
