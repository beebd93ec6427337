package dev.saasusers.cli;

import dev.saasusers.common.client.OrganizationClientBuilder;
import dev.saasusers.common.client.VendorClient;
import dev.saasusers.common.client.VendorClientBuilder;
import dev.saasusers.common.config.Environment;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.DatagridListUsersParams;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.pandadoc.PandaDocListUsersParams;
import dev.saasusers.pandadoc.model.PandaDocUser;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.podero.PoderoListUsersParams;
import dev.saasusers.polytomic.PolytomicClient;

/** Builds a vendor client from the environment and the flags, and opens its listing. */
final class VendorListings {
  private VendorListings() {
  }

  /** A client and its lazy listing; closing it releases the client. */
  record Opened(VendorClient<?, ?, ?, ?> client, PagedIterable<UserRow> rows) implements AutoCloseable {
    @Override
    public void close() {
      client.close();
    }
  }

  static Opened open(Vendor vendor, Environment env, ListSettings s) {
    refuseFlagFor(vendor, s);
    switch (vendor) {
      case POLYTOMIC: {
        PolytomicClient.Builder builder = fromEnv(PolytomicClient.builder(), env);
        requireOrgId(s, env, "POLYTOMIC_ORG_ID");
        PolytomicClient client = configure(orgId(builder, s), s).build();
        return new Opened(client, client.users().list()
            .map(u -> new UserRow(u, PolytomicClient.toDirectoryUser(u))));
      }
      case DATAGRID: {
        DatagridClient client = configure(fromEnv(DatagridClient.builder(), env), s).build();
        DatagridListUsersParams params = DatagridListUsersParams.defaults().withSearch(s.search());
        if (s.pageSize() != null) {
          params = params.withPageSize(s.pageSize());
        }
        return new Opened(client, client.users().list(params)
            .map(u -> new UserRow(u, DatagridClient.toDirectoryUser(u))));
      }
      case PANDADOC: {
        PandaDocClient client = configure(fromEnv(PandaDocClient.builder(), env), s).build();
        PandaDocListUsersParams params = PandaDocListUsersParams.defaults();
        if (s.pageSize() != null) {
          params = params.withPageSize(s.pageSize());
        }
        if (s.showRemoved() != null) {
          params = params.withShowRemoved(s.showRemoved());
        }
        PagedIterable<PandaDocUser> users = client.users().list(params);
        return new Opened(client, (s.parallel() != null ? users.parallelism(s.parallel()) : users)
            .verifyWithSecondPass(s.verify())
            .map(u -> new UserRow(u, PandaDocClient.toDirectoryUser(u))));
      }
      case PODERO: {
        PoderoClient.Builder builder = fromEnv(PoderoClient.builder(), env);
        requireOrgId(s, env, "PODERO_ORG_ID");
        PoderoClient client = configure(orgId(builder, s), s).build();
        PoderoListUsersParams params = PoderoListUsersParams.defaults();
        if (s.includeDeleted() != null) {
          params = params.withIncludeDeleted(s.includeDeleted());
        }
        return new Opened(client, client.users().list(params)
            .map(u -> new UserRow(u, PoderoClient.toDirectoryUser(u))));
      }
      default:
        throw new IllegalArgumentException("unknown vendor " + vendor);
    }
  }

  private static void requireOrgId(ListSettings s, Environment env, String variable) {
    if (s.orgId() == null && !env.has(variable)) {
      throw new UsageException("--org-id is required (or set " + variable + ")");
    }
  }

  /** {@code --org-id} replaces the environment's organization; it is checked as a UUID here. */
  private static <B extends OrganizationClientBuilder<B, ?>> B orgId(B builder, ListSettings s) {
    return s.orgId() == null ? builder : builder.orgId(s.orgId());
  }

  /** A missing or bad credential variable is the environment's fault: exit 1, not 2. */
  private static <B extends VendorClientBuilder<B, ?>> B fromEnv(B builder, Environment env) {
    try {
      return builder.fromEnv(env);
    } catch (IllegalArgumentException e) {
      throw new EnvironmentException(e.getMessage(), e);
    }
  }

  private static <B extends VendorClientBuilder<B, ?>> B configure(B builder, ListSettings s) {
    if (s.baseUrl() != null) {
      builder.baseUrl(s.baseUrl());
    }
    if (s.maxRetries() != null) {
      builder.maxRetries(s.maxRetries());
    }
    if (s.timeout() != null) {
      builder.timeout(s.timeout());
    }
    if (s.listener() != null) {
      builder.addListener(s.listener());
    }
    return builder;
  }

  /** A flag that the vendor's API does not have is a usage error, not silently ignored. */
  private static void refuseFlagFor(Vendor vendor, ListSettings s) {
    refuse(s.search() != null && vendor != Vendor.DATAGRID, "--search", "datagrid");
    refuse(s.showRemoved() != null && vendor != Vendor.PANDADOC, "--show-removed", "pandadoc");
    refuse(s.parallel() != null && vendor != Vendor.PANDADOC, "--parallel", "pandadoc");
    // Cursor (keyset) and single-response listings are not shifted by change: nothing to verify.
    refuse(s.verify() && vendor != Vendor.PANDADOC, "--verify", "pandadoc");
    refuse(s.includeDeleted() != null && vendor != Vendor.PODERO, "--include-deleted", "podero");
    refuse(s.orgId() != null && vendor != Vendor.POLYTOMIC && vendor != Vendor.PODERO,
        "--org-id", "polytomic and podero");
    refuse(s.pageSize() != null && vendor != Vendor.DATAGRID && vendor != Vendor.PANDADOC,
        "--page-size", "datagrid and pandadoc (the others return every user at once)");
  }

  private static void refuse(boolean wrong, String flag, String vendors) {
    if (wrong) {
      throw new UsageException(flag + " applies only to " + vendors);
    }
  }
}
