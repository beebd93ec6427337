package dev.saasusers.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code users-cli diff <old> <new>}: who was added, removed or changed between two exports. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Compares two exports of one vendor (jsonl or csv, as 'list' writes them) by "
        + "user id: added, removed and changed users (email, roles, license).",
        "Streams: two files of a million users fit in -Xmx256m. The counts go to stderr.",
        "Exit 0: no change, 1: changes, 2: an export cannot be read or compared."})
final class DiffCommand implements Callable<Integer> {
  @ParentCommand
  UsersCli cli;

  @Parameters(index = "0", paramLabel = "<old>", description = "The earlier export.")
  Path oldExport;

  @Parameters(index = "1", paramLabel = "<new>", description = "The later export.")
  Path newExport;

  @Option(names = "--format", defaultValue = "table",
      description = "table or jsonl (default: ${DEFAULT-VALUE}).")
  DiffWriter.Format format;

  @Option(names = "--vendor", paramLabel = "<vendor>",
      description = "The exports' vendor, when a file does not tell it (jsonl whose fields fit "
          + "two vendors, csv without a vendor column).")
  Vendor vendor;

  @Override
  public Integer call() {
    try (ExportFile before = ExportFile.open("OLD", oldExport, vendor);
        ExportFile after = ExportFile.open("NEW", newExport, vendor)) {
      if (before.vendor != after.vendor) {
        throw new DiffException("OLD " + oldExport + " is a " + before.vendor.id()
            + " export, NEW " + newExport + " is " + after.vendor.id());
      }
      if (before.csv != after.csv) {
        before.compareAsCsv();
        after.compareAsCsv();
      }
      UserDiff diff = new UserDiff(UserDiff.comparable(before, after.hasEmail(), after.hasRoles(),
          after.hasLicense()));
      return SnapshotDiff.report(diff, before, SnapshotDiff.users(after),
          "NEW " + newExport, format, before.vendor, cli);
    }
  }
}
