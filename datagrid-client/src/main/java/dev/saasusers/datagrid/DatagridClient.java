package dev.saasusers.datagrid;

import dev.saasusers.common.auth.Credentials;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.client.VendorClient;
import dev.saasusers.common.client.VendorClientBuilder;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.http.VendorProfile;
import dev.saasusers.common.paging.CursorPaging;
import dev.saasusers.common.paging.ItemsField;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.datagrid.api.DatagridApi;
import dev.saasusers.datagrid.invoker.ApiClient;
import dev.saasusers.datagrid.model.ListOrganizationUsers;
import dev.saasusers.datagrid.model.OrganizationUser;
import dev.saasusers.datagrid.model.OrganizationUserPermissions;

/**
 * Datagrid's user API: every user of the organization that the API key belongs to, page by
 * page, with cursor paging.
 *
 * <pre>{@code
 * DatagridClient client = DatagridClient.fromEnv();   // DATAGRID_API_KEY
 * for (OrganizationUser u : client.users().list()) { System.out.println(u.getEmail()); }
 * }</pre>
 */
public final class DatagridClient extends
    VendorClient<DatagridApi, DatagridClient, OrganizationUser, DatagridListUsersParams> {
  /** Datagrid's production API, from the spec's {@code servers}. */
  public static final String DEFAULT_BASE_URL = ApiClient.SPEC_BASE_PATH;
  private static final VendorProfile VENDOR = VendorProfile.of("datagrid", "Datagrid");
  /** The spec requires {@code data} (checked by the decoder) and does not let it be null. */
  private static final ItemsField DATA = ItemsField.notNull(VENDOR, "listUsers", "data");

  private DatagridClient(ClientRuntime runtime) {
    super(runtime, DatagridApi.class, DatagridClient::new, DatagridClient::toDirectoryUser,
        DatagridListUsersParams.defaults());
  }

  /** {@return a builder; {@code apiKey} is required} */
  public static Builder builder() { return new Builder(); }

  /**
   * Builds a client from the process environment ({@code builder().fromEnv().build()}).
   *
   * @return a client from {@code DATAGRID_API_KEY} and optional {@code DATAGRID_BASE_URL}
   * @throws IllegalArgumentException naming a variable that is missing or blank
   */
  public static DatagridClient fromEnv() { return builder().fromEnv().build(); }

  /**
   * Maps a Datagrid user to the cross-vendor shape; a role newer than the spec is
   * {@link DirectoryUser#UNKNOWN_ROLE}.
   *
   * @param user a Datagrid user
   * @return the same user in the cross-vendor shape
   */
  public static DirectoryUser toDirectoryUser(OrganizationUser user) {
    OrganizationUserPermissions permissions = user.getPermissions();
    return new DirectoryUser(VENDOR.id(), user.getId(), user.getEmail(), user.getFirstName(),
        user.getLastName(), roles(permissions == null ? null : permissions.getRole(),
            OrganizationUserPermissions.RoleEnum::getValue), null);
  }

  /** Search, page size and direction; 50 a page by default. */
  @Override
  protected PagedIterable<OrganizationUser> listUsers(DatagridListUsersParams params) {
    if (params.backwards()) {
      return paged("cursor-before", a -> CursorPaging.backwards(
          before -> a.listUsersWithHttpInfo(query(params).before(before)),
          ListOrganizationUsers::getData, ListOrganizationUsers::getHasMore,
          OrganizationUser::getId).itemsField(DATA));
    }
    return paged("cursor", a -> CursorPaging.of(
        after -> a.listUsersWithHttpInfo(query(params).after(after)),
        ListOrganizationUsers::getData, ListOrganizationUsers::getHasMore,
        OrganizationUser::getId).itemsField(DATA));
  }

  /**
   * A fresh query map for each request; the query-map overload keeps compiling when the vendor
   * adds an optional parameter.
   */
  private static DatagridApi.ListUsersQueryParams query(DatagridListUsersParams params) {
    return new DatagridApi.ListUsersQueryParams().search(params.search()).limit(params.pageSize());
  }

  /** Builds a {@link DatagridClient}. */
  public static final class Builder extends VendorClientBuilder<Builder, DatagridClient> {
    private Builder() {
      super("DATAGRID");
    }

    /**
     * Sets {@code apiKey}.
     *
     * @param apiKey the Datagrid API key, sent as a bearer token
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      options.authenticator(Credentials.bearer(apiKey, "apiKey"));
      return this;
    }

    @Override
    protected void credentialsFrom(Environment env) {
      options.authenticator(Credentials.bearer(env.require("DATAGRID_API_KEY"), "DATAGRID_API_KEY"));
    }

    @Override
    public DatagridClient build() {
      return new DatagridClient(ClientRuntime.create(VENDOR, buildOptions(DEFAULT_BASE_URL)));
    }
  }
}
