package dev.saasusers.polytomic;

import dev.saasusers.common.auth.Credentials;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.client.OrganizationClientBuilder;
import dev.saasusers.common.client.OrganizationClient;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.http.VendorProfile;
import dev.saasusers.common.paging.ItemsField;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.common.paging.SinglePage;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.polytomic.api.PolytomicApi;
import dev.saasusers.polytomic.invoker.ApiClient;
import dev.saasusers.polytomic.model.ListUsersEnvelope;
import dev.saasusers.polytomic.model.User;
import java.util.UUID;

/**
 * Polytomic's partner user API: every user of an organization, in one response. The organization
 * is set on the builder (required) and can be replaced per listing with
 * {@link PolytomicListUsersParams#withOrgId(UUID)}.
 *
 * <pre>{@code
 * PolytomicClient client = PolytomicClient.fromEnv();   // POLYTOMIC_API_KEY, POLYTOMIC_ORG_ID
 * client.users().list().forEach(u -> System.out.println(u.getEmail()));
 * }</pre>
 */
public final class PolytomicClient
    extends OrganizationClient<PolytomicApi, PolytomicClient, User, PolytomicListUsersParams> {
  /** Polytomic's API, from the spec's {@code servers}. */
  public static final String DEFAULT_BASE_URL = ApiClient.SPEC_BASE_PATH;
  /** The API version the spec was written for (its {@code info.title}), sent by default. */
  public static final String API_VERSION = ApiClient.SPEC_TITLE;
  private static final VendorProfile VENDOR = VendorProfile.of("polytomic", "Polytomic");
  /** The spec's {@code data} is optional and {@code type: [array, 'null']}: null is no users. */
  private static final ItemsField DATA = ItemsField.nullMeansEmpty(VENDOR, "listUsers", "data");

  private PolytomicClient(ClientRuntime runtime, UUID orgId) {
    super(runtime, orgId, PolytomicApi.class, PolytomicClient::new, PolytomicClient::toDirectoryUser,
        PolytomicListUsersParams.defaults());
  }

  /** {@return a builder; {@code apiKey} and {@code orgId} are required} */
  public static Builder builder() { return new Builder(); }

  /**
   * Builds a client from the process environment ({@code builder().fromEnv().build()}).
   *
   * @return a client from {@code POLYTOMIC_API_KEY} and {@code POLYTOMIC_ORG_ID}, and optional
   *     {@code POLYTOMIC_BASE_URL}
   * @throws IllegalArgumentException naming a variable that is missing or wrong
   */
  public static PolytomicClient fromEnv() { return builder().fromEnv().build(); }

  /**
   * Maps a Polytomic user to the cross-vendor shape.
   *
   * @param user a Polytomic user
   * @return the same user in the cross-vendor shape; roles are the legacy role, then role ids
   */
  public static DirectoryUser toDirectoryUser(User user) {
    return new DirectoryUser(VENDOR.id(), String.valueOf(user.getId()), user.getEmail(), null,
        null, roles(user.getRole(), user.getRoleIds(), String::valueOf), null);
  }

  /** The organization's users in one response ({@code data: null} is an empty list). */
  @Override
  protected PagedIterable<User> listUsers(PolytomicListUsersParams params) {
    return paged("single", a -> SinglePage.of(
        () -> a.listUsersWithHttpInfo(orgIdOf(params), new PolytomicApi.ListUsersQueryParams()),
        ListUsersEnvelope::getData).itemsField(DATA));
  }

  /** Builds a {@link PolytomicClient}. */
  public static final class Builder extends OrganizationClientBuilder<Builder, PolytomicClient> {
    private String apiVersion = API_VERSION;

    private Builder() {
      super("POLYTOMIC");
    }

    /**
     * Sets {@code apiKey}.
     *
     * @param apiKey a Polytomic partner key, sent as a bearer token
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      options.authenticator(Credentials.bearer(apiKey, "apiKey"));
      return this;
    }

    /**
     * Sets {@code apiVersion}.
     *
     * @param apiVersion the {@code X-Polytomic-Version} to send instead of {@link #API_VERSION}
     * @return this builder
     */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    /** {@inheritDoc} Without an organization the client is refused, naming {@code POLYTOMIC_ORG_ID}. */
    @Override
    public PolytomicClient build() {
      options.header("X-Polytomic-Version", apiVersion);
      return new PolytomicClient(
          ClientRuntime.create(VENDOR, buildOptions(DEFAULT_BASE_URL)), requiredOrgId());
    }

    @Override
    protected void credentialsFrom(Environment env) {
      options.authenticator(Credentials.bearer(env.require("POLYTOMIC_API_KEY"), "POLYTOMIC_API_KEY"));
    }
  }
}
