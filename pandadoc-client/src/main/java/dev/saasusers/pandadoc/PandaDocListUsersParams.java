package dev.saasusers.pandadoc;

/**
 * Optional parameters of PandaDoc's {@code users().list(params)}: immutable, each {@code with...}
 * returns a checked copy, so a bad value fails there, before any request. Pages in parallel are a
 * setting of the listing, not of the parameters: {@code list(params).parallelism(4)} (or
 * {@code RequestOptions.parallelism} for every listing of a derived client).
 *
 * <pre>{@code
 * client.users().list(PandaDocListUsersParams.defaults().withPageSize(50).withShowRemoved(false)).parallelism(4);
 * }</pre>
 *
 * @param pageSize users per request ({@code count}), 1 to 50
 * @param showRemoved whether to include users with removed memberships; null for the API's default (true)
 */
public record PandaDocListUsersParams(int pageSize, Boolean showRemoved) {
  /** The API's largest page, and the default. */
  public static final int MAX_PAGE_SIZE = 50;
  private static final PandaDocListUsersParams DEFAULTS = new PandaDocListUsersParams(MAX_PAGE_SIZE, null);

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

  /** {@return the API's defaults: {@link #MAX_PAGE_SIZE} users a page, {@code show_removed} unsent} */
  public static PandaDocListUsersParams defaults() {
    return DEFAULTS;
  }

  /**
   * Sets the users per request.
   *
   * @param pageSize users per request, 1 to 50
   * @return a copy with {@code pageSize} set
   * @throws IllegalArgumentException naming the value when it is out of range
   */
  public PandaDocListUsersParams withPageSize(int pageSize) {
    return new PandaDocListUsersParams(pageSize, showRemoved);
  }

  /**
   * Sets {@code show_removed}.
   *
   * @param showRemoved whether to include users with removed memberships
   * @return a copy with {@code showRemoved} set
   */
  public PandaDocListUsersParams withShowRemoved(boolean showRemoved) {
    return new PandaDocListUsersParams(pageSize, showRemoved);
  }
}
