package dev.saasusers.datagrid;

/**
 * Optional parameters of {@link DatagridClient}'s {@code users().list(params)}: immutable, each
 * {@code with...} returns a checked copy, so a bad value fails there, before any request.
 *
 * <pre>{@code
 * client.users().list(DatagridListUsersParams.defaults().withSearch("ann").withPageSize(100));
 * }</pre>
 *
 * @param search filters users by name or email; null for all
 * @param pageSize users per request, 1 to 100; null for the API's default of 50
 * @param backwards page with {@code before} instead of {@code after}, from the end of the list
 */
public record DatagridListUsersParams(String search, Integer pageSize, boolean backwards) {
  /** The API's largest page. */
  public static final int MAX_PAGE_SIZE = 100;
  private static final DatagridListUsersParams DEFAULTS = new DatagridListUsersParams(null, null, false);

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

  /** {@return nothing set: every user, the API's page size, forwards} */
  public static DatagridListUsersParams defaults() {
    return DEFAULTS;
  }

  /**
   * Filters users by name or email.
   *
   * @param search the text to match; null for all users
   * @return a copy with {@code search} set
   * @throws IllegalArgumentException when it is blank
   */
  public DatagridListUsersParams withSearch(String search) {
    return new DatagridListUsersParams(search, pageSize, backwards);
  }

  /**
   * Sets the users per request.
   *
   * @param pageSize users per request, 1 to 100
   * @return a copy with {@code pageSize} set
   * @throws IllegalArgumentException naming the value when it is out of range
   */
  public DatagridListUsersParams withPageSize(int pageSize) {
    return new DatagridListUsersParams(search, pageSize, backwards);
  }

  /**
   * Sets the direction.
   *
   * @param backwards true to page with {@code before}, from the end of the list
   * @return a copy with {@code backwards} set
   */
  public DatagridListUsersParams withBackwards(boolean backwards) {
    return new DatagridListUsersParams(search, pageSize, backwards);
  }
}
