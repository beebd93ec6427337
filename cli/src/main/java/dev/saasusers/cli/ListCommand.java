package dev.saasusers.cli;

import dev.saasusers.common.config.UuidArgument;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.paging.PagedIterable;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code users-cli list <vendor>}: every user of one vendor, to stdout. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"Lists every user of a vendor, to stdout.",
        "Credentials come from the environment, never from flags:",
        "  POLYTOMIC_API_KEY (+ POLYTOMIC_ORG_ID), DATAGRID_API_KEY,",
        "  PANDADOC_API_KEY or PANDADOC_ACCESS_TOKEN,",
        "  PODERO_CLIENT_ID + PODERO_CLIENT_SECRET or PODERO_USERNAME + PODERO_PASSWORD (+ PODERO_ORG_ID);",
        "  each vendor's *_BASE_URL overrides its default."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every user was listed (the listing is known complete)",
        "1:the listing failed (resume with --resume <checkpoint> when the error names one)",
        "2:usage error",
        "3:the listing finished, but the server's paging signals contradicted each other:"
            + " completeness is not proven (stderr says which)"})
final class ListCommand implements Callable<Integer> {
  @ParentCommand
  UsersCli cli;

  @Parameters(index = "0", paramLabel = "<vendor>",
      description = "polytomic, datagrid, pandadoc or podero")
  Vendor vendor;

  @Option(names = "--org-id", description = "Organization UUID (Polytomic, Podero).")
  String orgId;

  @Option(names = "--base-url", description = "API base URL; overrides the default and *_BASE_URL.")
  String baseUrl;

  @Option(names = "--format", defaultValue = "table",
      description = "table, csv or jsonl (default: ${DEFAULT-VALUE}).")
  RowWriter.Format format;

  @Option(names = "--page-size", description = "Users per request (Datagrid 1-100, PandaDoc 1-50).")
  Integer pageSize;

  @Option(names = "--max-items", description = "Stop after this many users.")
  Long maxItems;

  @Option(names = "--search", description = "Filter by name or email (Datagrid).")
  String search;

  @Option(names = "--include-deleted", description = "Include soft-deleted users (Podero).")
  Boolean includeDeleted;

  @Option(names = "--show-removed", arity = "0..1", fallbackValue = "true",
      description = "Include removed memberships (PandaDoc; the API's default is true).")
  Boolean showRemoved;

  @Option(names = "--parallel", description = "Pages fetched at once, in order (PandaDoc).")
  Integer parallel;

  @Option(names = "--max-retries", description = "Retries per request (default 2).")
  Integer maxRetries;

  @Option(names = "--timeout", paramLabel = "SECONDS",
      description = "Deadline of each attempt, connect to last byte (default 60).")
  Double timeoutSeconds;

  @Option(names = "--resume", paramLabel = "<checkpoint>",
      description = "Continue a listing that failed, from the checkpoint its error printed.")
  String resume;

  @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
  boolean progress;

  @Override
  public Integer call() {
    if (maxItems != null && maxItems < 0) {
      throw new UsageException("--max-items must be 0 or more, was " + maxItems);
    }
    if (timeoutSeconds != null && !(timeoutSeconds > 0 && timeoutSeconds <= 86_400)) {
      throw new UsageException("--timeout must be between 0 and 86400 seconds, was " + timeoutSeconds);
    }
    if (orgId != null) {
      try {
        UuidArgument.parse("--org-id", orgId);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    ProgressReporter reporter = progress || cli.errIsTerminal ? new ProgressReporter(cli.err) : null;
    CompletenessWatch completeness = new CompletenessWatch();
    ClientListener listeners = reporter == null ? completeness
        : ClientListener.fanOut(List.of(reporter, completeness));
    ListSettings settings = new ListSettings(orgId, baseUrl, pageSize, search, includeDeleted,
        showRemoved, parallel, maxRetries,
        timeoutSeconds == null ? null : Duration.ofMillis(Math.round(timeoutSeconds * 1000)), listeners);
    RowWriter writer = RowWriter.of(format, cli.out);
    try (VendorListings.Opened opened = VendorListings.open(vendor, cli.environment, settings)) {
      PagedIterable<UserRow> rows = opened.rows();
      if (resume != null) {
        rows = rows.resumeFrom(resume);
      }
      if (maxItems != null) {
        rows = rows.maxItems(maxItems);
      }
      // The header waits for the first user, so a listing that fails at once writes nothing.
      Iterator<UserRow> iterator = rows.iterator();
      boolean started = false;
      while (iterator.hasNext()) {
        UserRow row = iterator.next();
        if (!started) {
          writer.start();
          started = true;
        }
        writer.write(row);
      }
      if (!started) {
        writer.start();
      }
    } catch (SdkException e) {
      writer.finish();
      String hint = e.checkpoint().map(c -> "; continue with --resume " + c).orElse("");
      throw new SdkException(e.getMessage() + hint, e);
    } finally {
      if (reporter != null) {
        reporter.finish();
      }
    }
    writer.finish();
    return exitCode(completeness);
  }

  /** 0 only when the listing is known complete; a contradiction met on the way makes it 3. */
  private int exitCode(CompletenessWatch completeness) {
    ClientListener.PagingAnomaly anomaly = completeness.firstAnomaly();
    if (anomaly == null) {
      return 0;
    }
    cli.err.println("warning: the " + vendor.name().toLowerCase(java.util.Locale.ROOT)
        + " listing finished, but its completeness is not proven: page " + (anomaly.pageIndex() + 1)
        + ": " + anomaly.detail() + " (exit " + UsersCli.EXIT_UNPROVEN + ")");
    return UsersCli.EXIT_UNPROVEN;
  }
}
