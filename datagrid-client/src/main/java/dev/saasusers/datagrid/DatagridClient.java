package dev.saasusers.datagrid;

import dev.saasusers.common.auth.Credentials;
import dev.saasusers.common.client.RequestOptions;
import dev.saasusers.common.client.VendorClient;
import dev.saasusers.common.client.VendorClientBuilder;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.http.VendorProfile;
import dev.saasusers.common.paging.CursorPaging;
import dev.saasusers.common.paging.ItemsField;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.datagrid.api.DatagridApi;
import dev.saasusers.datagrid.invoker.ApiClient;
import dev.saasusers.datagrid.model.ListOrganizationUsers;
import dev.saasusers.datagrid.model.OrganizationUser;
import dev.saasusers.datagrid.model.OrganizationUserPermissions.RoleEnum;
import java.util.List;

/**
 * Datagrid's user API: every user of the organization, page by page, with cursor paging.
 *
 * <pre>{@code
 * DatagridClient client = DatagridClient.fromEnv();   // DATAGRID_API_KEY
 * for (OrganizationUser u : client.users().list()) { System.out.println(u.getEmail()); }
 * }</pre>
 */
public final class DatagridClient extends VendorClient<DatagridApi> {
  /** Datagrid's production API, from the spec's {@code servers}. */
  public static final String DEFAULT_BASE_URL = ApiClient.SPEC_BASE_PATH;
  private static final VendorProfile VENDOR = VendorProfile.of("datagrid", "Datagrid");


  private DatagridClient(ClientRuntime runtime) {
    super(runtime, DatagridApi.class);
  }

  /**
   * Derives a client for some calls only: other timeout, retries, headers or parallelism, sharing
   * this client's connections and token cache.
   *
   * @param overrides what to change; unset options keep this client's values
   * @return the derived client
   * @throws IllegalArgumentException naming a bad option, before any request
   */
  public DatagridClient withOptions(RequestOptions overrides) {
    return derive(overrides, DatagridClient::new);
  }

  /** @return a builder; {@code apiKey} is required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a client configured from {@code DATAGRID_API_KEY} and optional {@code DATAGRID_BASE_URL}
   * @throws IllegalArgumentException naming a variable that is missing or blank
   */
  public static DatagridClient fromEnv() {
    return builder().fromEnv(Environment.system()).build();
  }

  /** @return the users of the organization that the API key belongs to */
  public Users users() {
    return new Users();
  }

  @Override
  public PagedIterable<DirectoryUser> directoryUsers() {
    return users().list().map(DatagridClient::toDirectoryUser);
  }

  /**
   * @param user a Datagrid user
   * @return the same user in the cross-vendor shape
   */
  public static DirectoryUser toDirectoryUser(OrganizationUser user) {
    RoleEnum known = user.getPermissions() == null ? null : user.getPermissions().getRole();
    // A role newer than the spec decodes to the generator's catch-all; its name is no role.
    String role = known == null ? null
        : known == RoleEnum.UNKNOWN_DEFAULT_OPEN_API ? DirectoryUser.UNKNOWN_ROLE : known.getValue();
    return new DirectoryUser(VENDOR.id(), user.getId(), user.getEmail(), user.getFirstName(),
        user.getLastName(), role == null ? List.of() : List.of(role), null);
  }

  /** The spec requires {@code data} (checked by the decoder) and does not let it be null. */
  private static final ItemsField DATA = ItemsField.notNull(VENDOR, "listUsers", "data");

  /** Listing operations on the organization's users. */
  public final class Users {
    private Users() {
    }

    /** @return every user, lazily, 50 a page */
    public PagedIterable<OrganizationUser> list() {
      return list(DatagridListUsersParams.builder().build());
    }

    /**
     * @param params search, page size and direction
     * @return every matching user, lazily; each page exposes its raw response
     */
    public PagedIterable<OrganizationUser> list(DatagridListUsersParams params) {
      // The query-map overload keeps compiling when the vendor adds an optional parameter.
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

    private DatagridApi.ListUsersQueryParams query(DatagridListUsersParams params) {
      return new DatagridApi.ListUsersQueryParams().search(params.search()).limit(params.pageSize());
    }
  }

  /** Builds a {@link DatagridClient}. */
  public static final class Builder extends VendorClientBuilder<Builder, DatagridClient> {
    private Builder() {
    }

    /**
     * @param apiKey the Datagrid API key, sent as a bearer token
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      options.authenticator(Credentials.bearer(apiKey, "apiKey"));
      return this;
    }

    @Override
    public Builder fromEnv(Environment env) {
      options.authenticator(Credentials.bearer(env.require("DATAGRID_API_KEY"), "DATAGRID_API_KEY"));
      baseUrlFrom(env, "DATAGRID_BASE_URL");
      return this;
    }

    @Override
    public DatagridClient build() {
      return new DatagridClient(ClientRuntime.create(VENDOR, buildOptions(DEFAULT_BASE_URL)));
    }
  }
}
