package dev.saasusers.cli;

import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.paging.CloseableIterator;
import dev.saasusers.common.paging.PagedIterable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Runs a {@link UserDiff} and reports it; shared by {@code diff} and {@code list --since-snapshot}. */
final class SnapshotDiff {
  private SnapshotDiff() {
  }

  /**
   * {@code list --since-snapshot}: the snapshot is the old side, the live listing the new one.
   *
   * @return 0 when nothing changed, 1 when something did
   * @throws DiffException when the snapshot cannot be read, is of another vendor, or the listing
   *     fails (the diff would be incomplete)
   */
  static int sinceSnapshot(Path snapshot, Vendor vendor, PagedIterable<UserRow> rows,
      RowWriter.Format format, UsersCli cli) {
    DiffWriter.Format diffFormat = format == RowWriter.Format.JSONL
        ? DiffWriter.Format.JSONL : DiffWriter.Format.TABLE;
    try (ExportFile before = ExportFile.open("--since-snapshot", snapshot, vendor);
        CloseableIterator<UserRow> listing = rows.iterator()) {
      if (before.vendor != vendor) {
        throw new DiffException("--since-snapshot " + snapshot + " is a " + before.vendor.id()
            + " export, not " + vendor.id());
      }
      boolean escape = before.csv;
      Iterator<ExportedUser> now = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return listing.hasNext();
        }

        @Override
        public ExportedUser next() {
          UserRow row = listing.next();
          String email = row.user().email();
          String roles = String.join(";", row.user().roles());
          String license = vendor.license(row.vendorModel());
          if (escape) {
            email = TerminalText.visibleExceptLineBreaks(email);
            roles = TerminalText.visibleExceptLineBreaks(roles);
            license = TerminalText.visibleExceptLineBreaks(license);
          }
          return new ExportedUser(row.user().id(), email, roles, license);
        }
      };
      UserDiff diff = new UserDiff(UserDiff.comparable(before, true, true, true));
      return report(diff, before, now, "the " + vendor.id() + " listing", diffFormat, vendor, cli);
    } catch (SdkException e) {
      // --since-snapshot cannot resume: the checkpoint would be a hint the user cannot follow.
      throw new DiffException("listing " + vendor.id() + " failed, so the diff is incomplete: "
          + e.messageWithoutCheckpoint(), e);
    }
  }

  /** An export's users, as an iterator. */
  static Iterator<ExportedUser> users(ExportFile file) {
    return new Iterator<>() {
      private ExportedUser next = file.next();

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public ExportedUser next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        ExportedUser user = next;
        next = file.next();
        return user;
      }
    };
  }

  static int report(UserDiff diff, ExportFile before, Iterator<ExportedUser> after,
      String newLabel, DiffWriter.Format format, Vendor vendor, UsersCli cli) {
    if (diff.compared().isEmpty()) {
      throw new DiffException("the exports share none of email, roles and license to compare");
    }
    DiffWriter writer = DiffWriter.of(format, new PrintStreamWriter(cli.out), vendor,
        diff.compared());
    writer.start();
    UserDiff.Summary summary;
    try {
      summary = diff.run(before, after, newLabel, writer);
    } catch (UncheckedIOException e) {
      throw new DiffException("cannot write the diff: " + e.getCause().getMessage(), e);
    } finally {
      writer.finish();
    }
    cli.err.println("diff: " + summary);
    return summary.anyChange() ? 1 : 0;
  }
}
