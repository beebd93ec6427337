package dev.saasusers.podero;

import dev.saasusers.common.auth.OAuth2Credentials;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.client.OrganizationClientBuilder;
import dev.saasusers.common.client.OrganizationClient;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.http.VendorProfile;
import dev.saasusers.common.paging.ItemsField;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.common.paging.SinglePage;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.podero.api.PoderoApi;
import dev.saasusers.podero.invoker.ApiClient;
import dev.saasusers.podero.model.Role;
import dev.saasusers.podero.model.UserOutput;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Podero's partner user API: every user of an organization, in one response, with OAuth2. The
 * organization is set on the builder (required) and can be replaced per listing with
 * {@link PoderoListUsersParams#withOrgId(UUID)}.
 *
 * <pre>{@code
 * PoderoClient client = PoderoClient.fromEnv();   // PODERO_CLIENT_ID + PODERO_CLIENT_SECRET, PODERO_ORG_ID
 * client.users().list().forEach(u -> System.out.println(u.getEmail()));
 * }</pre>
 */
public final class PoderoClient
    extends OrganizationClient<PoderoApi, PoderoClient, UserOutput, PoderoListUsersParams> {
  /** Podero's production API. The spec has no {@code servers}; the docs serve it from here. */
  public static final String DEFAULT_BASE_URL = "https://app.podero.com";
  /** Podero's sandbox, selected with {@code environment("sandbox")}. */
  public static final String SANDBOX_BASE_URL = "https://sandbox-app.podero.com";
  private static final Map<String, String> ENVIRONMENTS =
      Map.of("production", DEFAULT_BASE_URL, "sandbox", SANDBOX_BASE_URL);
  private static final VendorProfile VENDOR = VendorProfile.of("podero", "Podero");
  /** The spec's 200 body is itself the array of users, not nullable. */
  private static final ItemsField BODY = ItemsField.wholeBody(VENDOR, "listUsers");

  private PoderoClient(ClientRuntime runtime, UUID orgId) {
    super(runtime, orgId, PoderoApi.class, PoderoClient::new, PoderoClient::toDirectoryUser,
        PoderoListUsersParams.defaults());
  }

  /**
   * Maps a Podero user to the cross-vendor shape; a role newer than the spec is
   * {@link DirectoryUser#UNKNOWN_ROLE}.
   *
   * @param user a Podero user
   * @return the same user in the cross-vendor shape
   */
  public static DirectoryUser toDirectoryUser(UserOutput user) {
    return new DirectoryUser(VENDOR.id(), String.valueOf(user.getId()), user.getEmail(),
        user.getFirstName(), user.getLastName(), roles(user.getRole(), Role::getValue), null);
  }

  /** {@return a builder; credentials (client credentials or a password) and {@code orgId} are required} */
  public static Builder builder() { return new Builder(); }

  /**
   * Builds a client from the process environment ({@code builder().fromEnv().build()}).
   *
   * @return a client from {@code PODERO_CLIENT_ID} + {@code PODERO_CLIENT_SECRET} (or
   *     {@code PODERO_USERNAME} + {@code PODERO_PASSWORD}) and {@code PODERO_ORG_ID}, and optional
   *     {@code PODERO_BASE_URL}, {@code PODERO_TOKEN_URL}
   * @throws IllegalArgumentException naming a variable that is missing or wrong
   */
  public static PoderoClient fromEnv() { return builder().fromEnv().build(); }

  /** The organization's users in one response; active ones unless {@code includeDeleted}. */
  @Override
  protected PagedIterable<UserOutput> listUsers(PoderoListUsersParams params) {
    return paged("single", a -> SinglePage.of(
        () -> a.listUsersWithHttpInfo(orgIdOf(params), new PoderoApi.ListUsersQueryParams()
            .includeDeleted(params.includeDeleted())), Function.identity()).itemsField(BODY));
  }

  /** Builds a {@link PoderoClient}. */
  public static final class Builder extends OrganizationClientBuilder<Builder, PoderoClient> {
    private OAuth2Credentials.Builder oauth;
    private String tokenUrl;
    private String environment = "production";

    private Builder() {
      super("PODERO");
    }

    /**
     * Sets {@code clientId} and {@code clientSecret}.
     *
     * @param clientId OAuth2 client id
     * @param clientSecret OAuth2 client secret, sent with HTTP Basic unless configured otherwise
     * @return this builder
     */
    public Builder clientCredentials(String clientId, String clientSecret) {
      oauth = OAuth2Credentials.clientCredentials(clientId, clientSecret);
      return this;
    }

    /**
     * Sets {@code username} and {@code password}.
     *
     * @param username the partner user's name
     * @param password the partner user's password
     * @return this builder
     */
    public Builder password(String username, String password) {
      oauth = OAuth2Credentials.password(username, password);
      return this;
    }

    /**
     * Sets {@code tokenUrl}.
     *
     * @param tokenUrl the token endpoint, absolute or relative to the base URL; default from the spec
     * @return this builder
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
      return this;
    }

    /**
     * Sets {@code name}.
     *
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
    protected void credentialsFrom(Environment env) {
      if (env.has("PODERO_CLIENT_ID") || env.has("PODERO_CLIENT_SECRET")) {
        clientCredentials(env.require("PODERO_CLIENT_ID"), env.require("PODERO_CLIENT_SECRET"));
      } else if (env.has("PODERO_USERNAME") || env.has("PODERO_PASSWORD")) {
        password(env.require("PODERO_USERNAME"), env.require("PODERO_PASSWORD"));
      } else {
        throw new IllegalArgumentException("environment variables PODERO_CLIENT_ID and "
            + "PODERO_CLIENT_SECRET, or PODERO_USERNAME and PODERO_PASSWORD, must be set");
      }
      env.optional("PODERO_TOKEN_URL").ifPresent(this::tokenUrl);
    }

    /** {@inheritDoc} Without an organization the client is refused, naming {@code PODERO_ORG_ID}. */
    @Override
    public PoderoClient build() {
      OAuth2Credentials.Builder grant = Optional.ofNullable(oauth).orElseThrow(() -> new IllegalArgumentException(
          "credentials are required: clientCredentials(id, secret) or password(username, password)"));
      options.authenticator(grant.tokenUrl(tokenUrl != null ? tokenUrl : ApiClient.OAUTH2_APPLICATION_TOKEN_URL).build());
      return new PoderoClient(
          ClientRuntime.create(VENDOR, buildOptions(ENVIRONMENTS.get(environment))), requiredOrgId());
    }
  }
}
