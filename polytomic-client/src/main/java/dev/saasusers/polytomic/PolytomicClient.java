package dev.saasusers.polytomic;

import dev.saasusers.common.auth.Credentials;
import dev.saasusers.common.client.RequestOptions;
import dev.saasusers.common.client.VendorClient;
import dev.saasusers.common.client.VendorClientBuilder;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.config.UuidArgument;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.http.VendorProfile;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.common.paging.ItemsField;
import dev.saasusers.common.paging.SinglePage;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.polytomic.api.PolytomicApi;
import dev.saasusers.polytomic.invoker.ApiClient;
import dev.saasusers.polytomic.model.ListUsersEnvelope;
import dev.saasusers.polytomic.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Polytomic's partner user API: every user of an organization, in one response.
 *
 * <pre>{@code
 * PolytomicClient client = PolytomicClient.fromEnv();   // POLYTOMIC_API_KEY, POLYTOMIC_ORG_ID
 * client.users().list().forEach(u -> System.out.println(u.getEmail()));
 * }</pre>
 */
public final class PolytomicClient extends VendorClient<PolytomicApi> {
  /** Polytomic's API, from the spec's {@code servers}. */
  public static final String DEFAULT_BASE_URL = ApiClient.SPEC_BASE_PATH;
  /** The API version the spec was written for (its {@code info.title}), sent by default. */
  public static final String API_VERSION = ApiClient.SPEC_TITLE;
  private static final VendorProfile VENDOR = VendorProfile.of("polytomic", "Polytomic");

  private final String defaultOrgId;

  private PolytomicClient(ClientRuntime runtime, String defaultOrgId) {
    super(runtime, PolytomicApi.class);
    this.defaultOrgId = defaultOrgId;
  }

  /**
   * Derives a client for some calls only: other timeout, retries, headers or parallelism, sharing
   * this client's connections and token cache.
   *
   * @param overrides what to change; unset options keep this client's values
   * @return the derived client
   * @throws IllegalArgumentException naming a bad option, before any request
   */
  public PolytomicClient withOptions(RequestOptions overrides) {
    return derive(overrides, runtime -> new PolytomicClient(runtime, defaultOrgId));
  }

  /** @return a builder; {@code apiKey} is required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a client from {@code POLYTOMIC_API_KEY}, and optional {@code POLYTOMIC_ORG_ID} and
   *     {@code POLYTOMIC_BASE_URL}
   * @throws IllegalArgumentException naming a variable that is missing or wrong
   */
  public static PolytomicClient fromEnv() {
    return builder().fromEnv(Environment.system()).build();
  }

  /** @return the users of the client's default organization, or of any organization */
  public Users users() {
    return new Users();
  }

  @Override
  public PagedIterable<DirectoryUser> directoryUsers() {
    return users().list().map(PolytomicClient::toDirectoryUser);
  }

  /**
   * @param user a Polytomic user
   * @return the same user in the cross-vendor shape; roles are the legacy role, then role ids
   */
  public static DirectoryUser toDirectoryUser(User user) {
    List<String> roles = new ArrayList<>();
    if (user.getRole() != null) {
      roles.add(user.getRole());
    }
    if (user.getRoleIds() != null) {
      user.getRoleIds().forEach(id -> roles.add(String.valueOf(id)));
    }
    return new DirectoryUser(VENDOR.id(), String.valueOf(user.getId()), user.getEmail(), null,
        null, roles, null);
  }

  /** The spec's {@code data} is optional and {@code type: [array, 'null']}: null is no users. */
  private static final ItemsField DATA = ItemsField.nullMeansEmpty(VENDOR, "listUsers", "data");

  /** Listing operations on an organization's users. */
  public final class Users {
    private Users() {
    }

    /**
     * @return every user of the client's default organization
     * @throws IllegalArgumentException when the client has no default organization
     */
    public PagedIterable<User> list() {
      if (defaultOrgId == null) {
        throw new IllegalArgumentException(
            "orgId is required: pass it to list(orgId), or set orgId / POLYTOMIC_ORG_ID");
      }
      return list(defaultOrgId);
    }

    /**
     * @param orgId the organization's UUID, checked before any request
     * @return every user of that organization ({@code data: null} is an empty list)
     */
    public PagedIterable<User> list(String orgId) {
      UUID org = UuidArgument.parse("orgId", orgId);
      return paged("single", a -> SinglePage.of(() -> a.listUsersWithHttpInfo(org, new PolytomicApi.ListUsersQueryParams()),
          ListUsersEnvelope::getData).itemsField(DATA));
    }
  }

  /** Builds a {@link PolytomicClient}. */
  public static final class Builder extends VendorClientBuilder<Builder, PolytomicClient> {
    private String orgId;
    private String apiVersion = API_VERSION;

    private Builder() {
    }

    /**
     * @param apiKey a Polytomic partner key, sent as a bearer token
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      options.authenticator(Credentials.bearer(apiKey, "apiKey"));
      return this;
    }

    /**
     * @param orgId the organization that {@code users().list()} lists, as a UUID
     * @return this builder
     */
    public Builder orgId(String orgId) {
      this.orgId = UuidArgument.parse("orgId", orgId).toString();
      return this;
    }

    /**
     * @param apiVersion the {@code X-Polytomic-Version} to send instead of {@link #API_VERSION}
     * @return this builder
     */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    @Override
    public Builder fromEnv(Environment env) {
      options.authenticator(Credentials.bearer(env.require("POLYTOMIC_API_KEY"), "POLYTOMIC_API_KEY"));
      env.optional("POLYTOMIC_ORG_ID").ifPresent(id -> orgId = UuidArgument.parse("POLYTOMIC_ORG_ID", id).toString());
      baseUrlFrom(env, "POLYTOMIC_BASE_URL");
      return this;
    }

    @Override
    public PolytomicClient build() {
      options.header("X-Polytomic-Version", apiVersion);
      return new PolytomicClient(ClientRuntime.create(VENDOR, buildOptions(DEFAULT_BASE_URL)), orgId);
    }
  }
}
