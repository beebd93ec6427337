package dev.saasusers.pandadoc;

import dev.saasusers.common.auth.Credentials;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.client.VendorClient;
import dev.saasusers.common.client.VendorClientBuilder;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.http.VendorProfile;
import dev.saasusers.common.paging.ItemsField;
import dev.saasusers.common.paging.PageNumberPaging;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.pandadoc.api.PandaDocApi;
import dev.saasusers.pandadoc.invoker.ApiClient;
import dev.saasusers.pandadoc.model.ListUsersResponse;
import dev.saasusers.pandadoc.model.PandaDocUser;
import dev.saasusers.pandadoc.model.WorkspaceMembership;
import java.util.function.Supplier;

/**
 * PandaDoc's user API: every user with membership in the organization, page by page; pages can
 * be fetched in parallel ({@code list().parallelism(4)}) and are still delivered in order.
 *
 * <pre>{@code
 * PandaDocClient client = PandaDocClient.fromEnv();   // PANDADOC_API_KEY or PANDADOC_ACCESS_TOKEN
 * client.users().list().parallelism(4).forEach(System.out::println);
 * }</pre>
 */
public final class PandaDocClient
    extends VendorClient<PandaDocApi, PandaDocClient, PandaDocUser, PandaDocListUsersParams> {
  /** PandaDoc's API, from the spec's {@code servers}. */
  public static final String DEFAULT_BASE_URL = ApiClient.SPEC_BASE_PATH;
  private static final VendorProfile VENDOR = VendorProfile.of("pandadoc", "PandaDoc")
      .errorMessageFields("detail", "message", "type");
  /** The spec requires no field of the list; {@code results} is an array, not nullable. */
  private static final ItemsField RESULTS = ItemsField.notNull(VENDOR, "listUsers", "results");

  private PandaDocClient(ClientRuntime runtime) {
    super(runtime, PandaDocApi.class, PandaDocClient::new, PandaDocClient::toDirectoryUser,
        PandaDocListUsersParams.defaults());
  }

  /**
   * Builds a client from the process environment ({@code builder().fromEnv().build()}).
   *
   * @return a client from {@code PANDADOC_API_KEY} or {@code PANDADOC_ACCESS_TOKEN}, and optional
   *     {@code PANDADOC_BASE_URL}
   * @throws IllegalArgumentException when neither credential variable is set
   */
  public static PandaDocClient fromEnv() { return builder().fromEnv().build(); }

  /**
   * Maps a PandaDoc user to the cross-vendor shape.
   *
   * @param user a PandaDoc user
   * @return the same user in the cross-vendor shape; roles are the license, then workspace roles
   */
  public static DirectoryUser toDirectoryUser(PandaDocUser user) {
    return new DirectoryUser(VENDOR.id(), user.getUserId(), user.getEmail(), user.getFirstName(),
        user.getLastName(), roles(user.getLicense(), user.getWorkspaces(), WorkspaceMembership::getRole),
        null);
  }

  /** Page size and {@code show_removed}; every user in order, 50 a page by default. */
  @Override
  protected PagedIterable<PandaDocUser> listUsers(PandaDocListUsersParams params) {
    int count = params.pageSize();
    return paged("page", a -> PageNumberPaging.of(
        page -> a.listUsersWithHttpInfo(new PandaDocApi.ListUsersQueryParams()
            .count(count).page(page).showRemoved(params.showRemoved())), count,
        ListUsersResponse::getResults, ListUsersResponse::getTotal).itemsField(RESULTS)
        .idOf(PandaDocUser::getUserId));
  }

  /** {@return a builder; one of {@code apiKey}, {@code accessToken} or {@code tokenSupplier} is required} */
  public static Builder builder() { return new Builder(); }

  /** Builds a {@link PandaDocClient}. */
  public static final class Builder extends VendorClientBuilder<Builder, PandaDocClient> {
    private Builder() {
      super("PANDADOC");
    }

    /**
     * Sets {@code apiKey}.
     *
     * @param apiKey a PandaDoc API key, sent as {@code Authorization: API-Key <key>}
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      options.authenticator(Credentials.apiKey("Authorization", "API-Key ", apiKey, "apiKey"));
      return this;
    }

    /**
     * Sets {@code accessToken}.
     *
     * @param accessToken an OAuth2 access token from PandaDoc's authorization-code flow
     * @return this builder
     */
    public Builder accessToken(String accessToken) {
      options.authenticator(Credentials.bearer(accessToken, "accessToken"));
      return this;
    }

    /**
     * Sets {@code tokens}.
     *
     * @param tokens supplies a current OAuth2 access token for each request
     * @return this builder
     */
    public Builder tokenSupplier(Supplier<String> tokens) {
      options.authenticator(Credentials.tokenSupplier(tokens));
      return this;
    }

    @Override
    protected void credentialsFrom(Environment env) {
      if (env.has("PANDADOC_API_KEY")) {
        apiKey(env.require("PANDADOC_API_KEY"));
      } else if (env.has("PANDADOC_ACCESS_TOKEN")) {
        accessToken(env.require("PANDADOC_ACCESS_TOKEN"));
      } else {
        throw new IllegalArgumentException(
            "environment variable PANDADOC_API_KEY or PANDADOC_ACCESS_TOKEN must be set");
      }
    }

    @Override
    public PandaDocClient build() {
      return new PandaDocClient(ClientRuntime.create(VENDOR, buildOptions(DEFAULT_BASE_URL)));
    }
  }
}
