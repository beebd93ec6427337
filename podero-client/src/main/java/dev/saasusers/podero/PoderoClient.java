package dev.saasusers.podero;

import dev.saasusers.common.auth.OAuth2Credentials;
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
import dev.saasusers.podero.api.PoderoApi;
import dev.saasusers.podero.invoker.ApiClient;
import dev.saasusers.podero.model.Role;
import dev.saasusers.podero.model.UserOutput;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Podero's partner user API: every user of an organization, in one response, with OAuth2.
 *
 * <pre>{@code
 * PoderoClient client = PoderoClient.fromEnv();   // PODERO_CLIENT_ID + PODERO_CLIENT_SECRET, PODERO_ORG_ID
 * client.users().list().forEach(u -> System.out.println(u.getEmail()));
 * }</pre>
 */
public final class PoderoClient extends VendorClient<PoderoApi> {
  /** Podero's production API. The spec has no {@code servers}; the docs serve it from here. */
  public static final String DEFAULT_BASE_URL = "https://app.podero.com";
  /** Podero's sandbox, selected with {@code environment("sandbox")}. */
  public static final String SANDBOX_BASE_URL = "https://sandbox-app.podero.com";
  private static final Map<String, String> ENVIRONMENTS =
      Map.of("production", DEFAULT_BASE_URL, "sandbox", SANDBOX_BASE_URL);
  private static final VendorProfile VENDOR = VendorProfile.of("podero", "Podero");

  private final String defaultOrgId;

  private PoderoClient(ClientRuntime runtime, String defaultOrgId) {
    super(runtime, PoderoApi.class);
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
  public PoderoClient withOptions(RequestOptions overrides) {
    return derive(overrides, runtime -> new PoderoClient(runtime, defaultOrgId));
  }

  /** @return a builder; client credentials or a username and password are required */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a client from {@code PODERO_CLIENT_ID} + {@code PODERO_CLIENT_SECRET} (or
   *     {@code PODERO_USERNAME} + {@code PODERO_PASSWORD}), and optional {@code PODERO_ORG_ID},
   *     {@code PODERO_BASE_URL}, {@code PODERO_TOKEN_URL}
   * @throws IllegalArgumentException naming a variable that is missing or wrong
   */
  public static PoderoClient fromEnv() {
    return builder().fromEnv(Environment.system()).build();
  }

  /** @return the users of the client's default organization, or of any organization */
  public Users users() {
    return new Users();
  }

  @Override
  public PagedIterable<DirectoryUser> directoryUsers() {
    return users().list().map(PoderoClient::toDirectoryUser);
  }

  /**
   * @param user a Podero user
   * @return the same user in the cross-vendor shape
   */
  public static DirectoryUser toDirectoryUser(UserOutput user) {
    return new DirectoryUser(VENDOR.id(), String.valueOf(user.getId()), user.getEmail(),
        user.getFirstName(), user.getLastName(),
        user.getRole() == null ? List.of() : List.of(roleName(user.getRole())), null);
  }

  /** A role newer than the spec decodes to the generator's catch-all; its name is no role. */
  private static String roleName(Role role) {
    return role == Role.UNKNOWN_DEFAULT_OPEN_API ? DirectoryUser.UNKNOWN_ROLE : role.getValue();
  }

  /** The spec's 200 body is itself the array of users, not nullable. */
  private static final ItemsField BODY = ItemsField.wholeBody(VENDOR, "listUsers");

  /** Listing operations on an organization's users. */
  public final class Users {
    private Users() {
    }

    /** @return every active user of the client's default organization */
    public PagedIterable<UserOutput> list() {
      return list(PoderoListUsersParams.builder().build());
    }

    /**
     * @param params organization and {@code include_deleted}
     * @return every matching user
     * @throws IllegalArgumentException when no organization is given or it is not a UUID
     */
    public PagedIterable<UserOutput> list(PoderoListUsersParams params) {
      String orgId = params.orgId() != null ? params.orgId() : defaultOrgId;
      if (orgId == null) {
        throw new IllegalArgumentException(
            "orgId is required: set it in PoderoListUsersParams, or orgId / PODERO_ORG_ID on the client");
      }
      UUID org = UuidArgument.parse("orgId", orgId);
      return paged("single", a -> SinglePage.of(
          () -> a.listUsersWithHttpInfo(org, new PoderoApi.ListUsersQueryParams()
              .includeDeleted(params.includeDeleted())), Function.identity()).itemsField(BODY));
    }
  }

  /** Builds a {@link PoderoClient}. */
  public static final class Builder extends VendorClientBuilder<Builder, PoderoClient> {
    private OAuth2Credentials.Builder oauth;
    private String tokenUrl;
    private String orgId;
    private String environment = "production";

    private Builder() {
    }

    /**
     * @param clientId OAuth2 client id
     * @param clientSecret OAuth2 client secret, sent with HTTP Basic unless configured otherwise
     * @return this builder
     */
    public Builder clientCredentials(String clientId, String clientSecret) {
      oauth = OAuth2Credentials.clientCredentials(clientId, clientSecret);
      return this;
    }

    /**
     * @param username the partner user's name
     * @param password the partner user's password
     * @return this builder
     */
    public Builder password(String username, String password) {
      oauth = OAuth2Credentials.password(username, password);
      return this;
    }

    /**
     * @param tokenUrl the token endpoint, absolute or relative to the base URL; default from the spec
     * @return this builder
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
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
     * @param name {@code production} (default) or {@code sandbox}; a base URL wins over it
     * @return this builder
     */
    public Builder environment(String name) {
      if (!ENVIRONMENTS.containsKey(name)) {
        throw new IllegalArgumentException(
            "environment must be one of " + ENVIRONMENTS.keySet() + ", was '" + name + "'");
      }
      this.environment = name;
      return this;
    }

    @Override
    public Builder fromEnv(Environment env) {
      if (env.has("PODERO_CLIENT_ID") || env.has("PODERO_CLIENT_SECRET")) {
        clientCredentials(env.require("PODERO_CLIENT_ID"), env.require("PODERO_CLIENT_SECRET"));
      } else if (env.has("PODERO_USERNAME") || env.has("PODERO_PASSWORD")) {
        password(env.require("PODERO_USERNAME"), env.require("PODERO_PASSWORD"));
      } else {
        throw new IllegalArgumentException("environment variables PODERO_CLIENT_ID and "
            + "PODERO_CLIENT_SECRET, or PODERO_USERNAME and PODERO_PASSWORD, must be set");
      }
      env.optional("PODERO_ORG_ID").ifPresent(id -> orgId = UuidArgument.parse("PODERO_ORG_ID", id).toString());
      env.optional("PODERO_TOKEN_URL").ifPresent(this::tokenUrl);
      baseUrlFrom(env, "PODERO_BASE_URL");
      return this;
    }

    @Override
    public PoderoClient build() {
      if (oauth == null) {
        throw new IllegalArgumentException(
            "credentials are required: clientCredentials(id, secret) or password(username, password)");
      }
      options.authenticator(oauth.tokenUrl(tokenUrl != null ? tokenUrl : ApiClient.OAUTH2_APPLICATION_TOKEN_URL).build());
      return new PoderoClient(
          ClientRuntime.create(VENDOR, buildOptions(ENVIRONMENTS.get(environment))), orgId);
    }
  }
}
