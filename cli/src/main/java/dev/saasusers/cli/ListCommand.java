package dev.saasusers.cli;

import dev.saasusers.common.config.UuidArgument;
import dev.saasusers.common.http.ClientListener;
import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.paging.Page;
import dev.saasusers.common.paging.PagedIterable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code users-cli list <vendor>}: every user of one vendor, to stdout or a file. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"Lists every user of a vendor, to stdout or --output FILE.",
        "Credentials come from the environment, never from flags:",
        "  POLYTOMIC_API_KEY (+ POLYTOMIC_ORG_ID), DATAGRID_API_KEY,",
        "  PANDADOC_API_KEY or PANDADOC_ACCESS_TOKEN,",
        "  PODERO_CLIENT_ID + PODERO_CLIENT_SECRET or PODERO_USERNAME + PODERO_PASSWORD (+ PODERO_ORG_ID);",
        "  each vendor's *_BASE_URL overrides its default.",
        "With --since-snapshot: exit 0 no change, 1 changes, 2 trouble (as diff)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every user was listed (the listing is known complete)",
        "1:the listing failed (resume with --resume <checkpoint> when the error names one;"
            + " a permanent error, such as HTTP 401, 403 or 404, names none)",
        "2:usage error",
        "3:the listing finished, but the server's paging signals contradicted each other:"
            + " completeness is not proven (stderr says which)"})
final class ListCommand implements Callable<Integer> {
  @ParentCommand
  UsersCli cli;

  /** Watches the listing's paging signals: the exit code says whether it is known complete. */
  private final CompletenessWatch completeness = new CompletenessWatch();

  @Parameters(index = "0", paramLabel = "<vendor>",
      description = "polytomic, datagrid, pandadoc or podero")
  Vendor vendor;

  @Option(names = "--org-id", description = "Organization UUID (Polytomic, Podero).")
  String orgId;

  @Option(names = "--base-url", description = "API base URL; overrides the default and *_BASE_URL.")
  String baseUrl;

  @Option(names = "--format",
      description = "table, csv or jsonl (default: table).")
  RowWriter.Format format;

  @Option(names = "--columns", paramLabel = "<names>",
      description = {"Columns of csv and table, comma-separated: vendor, id, email, first_name,",
          "last_name, name, roles, removed, or the vendor's JSON field names (license,",
          "last_login, permissions.role, ...); 'all' flattens every field."})
  String columns;

  @Option(names = "--no-formula-guard", negatable = false,
      description = "csv: leave cells starting with = + - @ tab or CR as they are (for programs, "
          + "not spreadsheets).")
  boolean noFormulaGuard;

  @Option(names = "--output", paramLabel = "<file>",
      description = "Write to FILE, replacing it only when the listing completes; a failed run "
          + "keeps FILE.partial for --resume.")
  Path output;

  @Option(names = "--since-snapshot", paramLabel = "<file>",
      description = "Instead of the users, show what changed since an earlier export "
          + "(jsonl or csv): like 'diff FILE <this listing>'.")
  Path sinceSnapshot;

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

  @Option(names = "--verify", description = "Read the listing a second time and add the users "
      + "the first pass missed: the only way to see users removed and added in equal numbers "
      + "while listing (PandaDoc).")
  boolean verify;

  @Option(names = "--max-retries", description = "Retries per request (default 2).")
  Integer maxRetries;

  @Option(names = "--timeout", paramLabel = "SECONDS",
      description = "Deadline of each attempt, connect to last byte (default 60).")
  Double timeoutSeconds;

  @Option(names = "--resume", paramLabel = "<checkpoint>",
      description = "Continue a listing that failed, from the checkpoint its error printed "
          + "(with --output: into the partial file it left).")
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
    RowWriter.Format chosen = format == null ? RowWriter.Format.TABLE : format;
    if (sinceSnapshot != null) {
      refuseWithSnapshot(columns != null, "--columns");
      refuseWithSnapshot(output != null, "--output");
      refuseWithSnapshot(resume != null, "--resume");
      refuseWithSnapshot(noFormulaGuard, "--no-formula-guard");
      refuseWithSnapshot(maxItems != null, "--max-items (every user past it would show as removed)");
      refuseWithSnapshot(chosen == RowWriter.Format.CSV, "--format csv (diff writes table or jsonl)");
    }
    if (columns != null && chosen == RowWriter.Format.JSONL) {
      throw new UsageException("--columns applies to csv and table; jsonl writes the vendor's "
          + "whole JSON");
    }
    if (noFormulaGuard && chosen != RowWriter.Format.CSV) {
      throw new UsageException("--no-formula-guard applies only to --format csv");
    }
    List<Columns.Column> chosenColumns = Columns.resolve(vendor, columns,
        chosen == RowWriter.Format.TABLE ? Columns.TABLE_DEFAULT : Columns.CSV_DEFAULT);
    ProgressReporter reporter = progress || cli.errIsTerminal ? new ProgressReporter(cli.err) : null;
    ClientListener listeners = reporter == null ? completeness
        : ClientListener.fanOut(List.of(reporter, completeness));
    ListSettings settings = new ListSettings(orgId, baseUrl, pageSize, search, includeDeleted,
        showRemoved, parallel, maxRetries,
        timeoutSeconds == null ? null : Duration.ofMillis(Math.round(timeoutSeconds * 1000)), listeners,
        verify);
    // Opening the client checks the flags against the vendor; nothing is requested yet.
    try (VendorListings.Opened opened = VendorListings.open(vendor, cli.environment, settings)) {
      PagedIterable<UserRow> rows = opened.rows();
      if (resume != null) {
        rows = rows.resumeFrom(resume);
      }
      if (maxItems != null) {
        rows = rows.maxItems(maxItems);
      }
      if (sinceSnapshot != null) {
        return SnapshotDiff.sinceSnapshot(sinceSnapshot, vendor, rows, chosen, cli);
      }
      if (output == null) {
        return listToStdout(rows, RowWriter.of(chosen, chosenColumns, !noFormulaGuard,
            new PrintStreamWriter(cli.out)));
      }
      OutputFile.Shape shape = new OutputFile.Shape(vendor.id(), chosen.name().toLowerCase(),
          String.join(",", chosenColumns.stream().map(Columns.Column::name).toList()),
          !noFormulaGuard);
      try (OutputFile file = OutputFile.open(output, resume, shape)) {
        return listToFile(rows, RowWriter.of(chosen, chosenColumns, !noFormulaGuard,
            file.writer()), file);
      }
    } finally {
      if (reporter != null) {
        reporter.finish();
      }
    }
  }

  /**
   * 0 only when the listing is known complete; a contradiction met on the way, or a change under
   * the listing it could not repair, makes it 3. A repaired change is one line on stderr.
   */
  private int exitCode() {
    String name = vendor.name().toLowerCase(java.util.Locale.ROOT);
    ClientListener.DirectoryRepaired repair = completeness.repair();
    if (repair != null && !repair.proven()) {
      cli.err.println("warning: the " + name + " directory kept changing during the listing; "
          + "after " + repair.pagesReadAgain() + " pages read again, completeness is not proven"
          + " (exit " + UsersCli.EXIT_UNPROVEN + ")");
      return UsersCli.EXIT_UNPROVEN;
    }
    if (repair != null) {
      cli.err.println("note: the " + name + " directory changed during the listing; "
          + repair.pagesReadAgain() + " pages read again, " + repair.usersRecovered()
          + " users recovered, each user listed once");
    }
    ClientListener.PagingAnomaly anomaly = completeness.firstAnomaly();
    if (anomaly == null) {
      return 0;
    }
    cli.err.println("warning: the " + name + " listing finished, but its completeness is not proven: page " + (anomaly.pageIndex() + 1)
        + ": " + TerminalText.visible(anomaly.detail()) + " (exit " + UsersCli.EXIT_UNPROVEN + ")");
    return UsersCli.EXIT_UNPROVEN;
  }

  private static void refuseWithSnapshot(boolean given, String flag) {
    if (given) {
      throw new UsageException(flag + " does not go with --since-snapshot");
    }
  }

  private int listToStdout(PagedIterable<UserRow> rows, RowWriter writer) {
    // The header waits for the first user, so a listing that fails at once writes nothing.
    boolean started = false;
    try {
      for (Page<UserRow> page : rows.pages()) {
        for (UserRow row : page.items()) {
          if (!started) {
            writer.start();
            started = true;
          }
          writer.write(row);
        }
        writer.flush();
      }
      if (!started) {
        writer.start();
      }
    } catch (SdkException e) {
      writer.flush();
      // The checkpoint once, in the CLI's words; none for a permanent failure (see SdkException).
      String hint = e.checkpoint().map(c -> "; continue with --resume " + c).orElse("");
      throw new SdkException(e.messageWithoutCheckpoint() + hint, e);
    }
    writer.flush();
    return exitCode();
  }

  /**
   * Writes page by page, noting after each flushed page where the file stands, so that a
   * failure leaves a partial file that ends exactly at the checkpoint it prints.
   */
  private int listToFile(PagedIterable<UserRow> rows, RowWriter writer, OutputFile file) {
    boolean headerDue = file.isEmpty();
    try {
      for (Page<UserRow> page : rows.pages()) {
        if (headerDue && !page.items().isEmpty()) {
          writer.start();
          headerDue = false;
        }
        for (UserRow row : page.items()) {
          writer.write(row);
        }
        writer.flush();
        file.pageWritten(page.checkpoint(), page.items().size());
      }
      if (headerDue) {
        writer.start();
      }
      writer.flush();
    } catch (SdkException e) {
      if (e.permanent()) {
        // Resuming would fail the same way: nothing is kept that invites it.
        file.discardPartial();
        throw new SdkException(e.messageWithoutCheckpoint() + "; " + output + " is untouched, no "
            + "partial result is kept: fix the cause, then run again without --resume", e);
      }
      String at = file.keepPartial(e.checkpoint().orElse(resume));
      throw new SdkException(e.messageWithoutCheckpoint() + failureHint(file, at), e);
    } catch (UncheckedIOException e) {
      String at = file.keepPartial(resume);
      throw new UncheckedIOException("cannot write " + file.partial() + ": "
          + e.getCause().getMessage() + failureHint(file, at), e.getCause());
    } catch (RuntimeException e) {
      String at = file.keepPartial(resume);
      throw new IllegalStateException(e.getMessage() + failureHint(file, at), e);
    }
    file.commit();
    return exitCode();
  }

  private String failureHint(OutputFile file, String checkpoint) {
    String kept = "; " + output + " is untouched, " + file.users() + " users of this run kept in "
        + file.partial();
    return checkpoint == null ? kept + "; run again without --resume"
        : kept + "; continue with --resume " + checkpoint + " --output " + output;
  }
}
