package dev.saasusers.common.client;

import dev.saasusers.common.config.UuidArgument;
import dev.saasusers.common.user.DirectoryUser;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A vendor client whose API lists users only within an organization (Polytomic, Podero). Its
 * organization is set on the builder ({@link OrganizationClientBuilder}, required at
 * {@code build()}); a listing may name another one with its params' {@code withOrgId(...)}, and a
 * client from {@code withOptions} keeps it.
 *
 * @param <A> the vendor's generated Feign interface
 * @param <C> the vendor client itself
 * @param <U> the vendor's user model
 * @param <P> the vendor's listing parameters
 */
public abstract class OrganizationClient<A, C extends OrganizationClient<A, C, U, P>, U,
    P extends OrganizationClient.OrgParams<P>> extends VendorClient<A, C, U, P> {
  private final UUID orgId;

  /**
   * Creates an {@code OrganizationClient}.
   *
   * @param runtime the client's runtime
   * @param orgId the organization {@code users().list()} lists
   * @param apiType the vendor's generated interface
   * @param rebuild the vendor client's constructor from a runtime and an organization
   * @param toDirectoryUser maps a vendor user to the cross-vendor shape
   * @param defaultParams the parameters of {@code users().list()}
   */
  protected OrganizationClient(ClientRuntime runtime, UUID orgId, Class<A> apiType,
      BiFunction<ClientRuntime, UUID, C> rebuild, Function<U, DirectoryUser> toDirectoryUser,
      P defaultParams) {
    super(runtime, apiType, derived -> rebuild.apply(derived, orgId), toDirectoryUser,
        defaultParams);
    this.orgId = Objects.requireNonNull(orgId, "orgId");
  }

  /** {@return the organization that {@code users().list()} lists} */
  public final UUID orgId() {
    return orgId;
  }

  /**
   * {@return the organization they name, or else the client's}
   *
   * @param params a listing's parameters
   */
  protected final UUID orgIdOf(P params) {
    return params.orgId() != null ? params.orgId() : orgId;
  }

  /**
   * Listing parameters that may name another organization than the client's; immutable, so
   * {@code withOrgId} returns a copy.
   *
   * @param <P> the vendor's listing parameters themselves
   */
  public interface OrgParams<P extends OrgParams<P>> {
    /** {@return the organization to list, or null for the client's} */
    UUID orgId();

    /**
     * Lists another organization than the client's.
     *
     * @param orgId the organization
     * @return a copy with {@code orgId} set
     */
    P withOrgId(UUID orgId);

    /**
     * Lists another organization than the client's, given as text.
     *
     * @param orgId the organization's UUID
     * @return a copy with {@code orgId} set
     * @throws IllegalArgumentException when it is not a UUID, before any request
     */
    default P withOrgId(String orgId) {
      return withOrgId(UuidArgument.parse("orgId", orgId));
    }
  }
}
