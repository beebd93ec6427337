package dev.saasusers.common.client;

import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.config.UuidArgument;
import java.util.Objects;
import java.util.UUID;

/**
 * The builder of a vendor client whose API lists users only within an organization (Polytomic,
 * Podero): the organization is a builder setting ({@code orgId}, or {@code <VENDOR>_ORG_ID} with
 * {@code fromEnv}), required at {@code build()}, and a listing may name another one through its
 * parameters' {@code orgId(...)}.
 *
 * @param <B> the vendor builder type, returned for chaining
 * @param <C> the client type it builds
 */
public abstract class OrganizationClientBuilder<B extends OrganizationClientBuilder<B, C>, C>
    extends VendorClientBuilder<B, C> {
  private UUID orgId;

  /**
   * Creates an {@code OrganizationClientBuilder}.
   *
   * @param variablePrefix the vendor's environment prefix, for example {@code PODERO}
   */
  protected OrganizationClientBuilder(String variablePrefix) {
    super(variablePrefix);
  }

  /**
   * Sets {@code orgId}.
   *
   * @param orgId the organization that {@code users().list()} lists, as a UUID
   * @return this builder
   * @throws IllegalArgumentException when it is not a UUID, before any request
   */
  public B orgId(String orgId) {
    return orgId(UuidArgument.parse("orgId", orgId));
  }

  /**
   * Sets {@code orgId}.
   *
   * @param orgId the organization that {@code users().list()} lists
   * @return this builder
   */
  public B orgId(UUID orgId) {
    this.orgId = Objects.requireNonNull(orgId, "orgId");
    return self();
  }

  /**
   * Reads the credentials and base URL, and the optional {@code <VENDOR>_ORG_ID}.
   *
   * @param environment where to read the variables
   * @return this builder
   * @throws IllegalArgumentException naming a variable that is missing or not a UUID
   */
  @Override
  public B fromEnv(Environment environment) {
    super.fromEnv(environment);
    String variable = variable("ORG_ID");
    environment.optional(variable).ifPresent(id -> orgId = UuidArgument.parse(variable, id));
    return self();
  }

  /**
   * Finishes the options, and checks that an organization is set: before the client's runtime
   * (and its transport) exists, so a refused client holds nothing.
   *
   * @param defaultBaseUrl the vendor's base URL when none was chosen
   * @return the validated options
   * @throws IllegalArgumentException when no credentials or no organization were set, or an
   *     option is wrong
   */
  @Override
  protected ClientOptions buildOptions(String defaultBaseUrl) {
    ClientOptions checked = super.buildOptions(defaultBaseUrl);
    requiredOrgId();
    return checked;
  }

  /**
   * {@return the organization set on this builder}
   *
   * @throws IllegalArgumentException naming the option and the variable when none was set: the
   *     API cannot list users without one, so the client is refused before any request
   */
  protected UUID requiredOrgId() {
    if (orgId == null) {
      throw new IllegalArgumentException("orgId is required: set orgId(...) on the builder, or "
          + variable("ORG_ID") + " for fromEnv(); the API lists users only within an organization");
    }
    return orgId;
  }
}
