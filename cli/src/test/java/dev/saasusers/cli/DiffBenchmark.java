package dev.saasusers.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.saasusers.common.config.Environment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Measures {@code users-cli diff} on two exports of 1,000,000 PandaDoc users each; run by hand,
 * not a test: {@code java -Xmx256m -cp cli/target/users-cli.jar:cli/target/test-classes
 * dev.saasusers.cli.DiffBenchmark DIR [users]}. NEW drops 1% of OLD's users, adds 1% new ones and
 * changes the email of 1% and the license of another 1%. Prints wall time, users per second, the
 * peak heap used and the peak heap left after a collection.
 */
public final class DiffBenchmark {
  private static final String[] LICENSES = {"Full", "Business", "Read-only", "Guest"};
  private static final String[] ROLES = {"Admin", "Manager", "Member", "Collaborator"};

  private DiffBenchmark() {
  }

  /**
   * @param args the directory for the files, then optionally the number of users
   * @throws Exception when a file cannot be written
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    Files.createDirectories(dir);
    for (String format : new String[] {"jsonl", "csv"}) {
      Path before = dir.resolve("before." + format);
      Path after = dir.resolve("after." + format);
      generate(before, after, users, format.equals("csv"));
      System.out.printf("%s: OLD %,d bytes, NEW %,d bytes%n", format, Files.size(before),
          Files.size(after));
      measure(format, before, after, users);
    }
  }

  private static void generate(Path before, Path after, int users, boolean csv) throws IOException {
    Random random = new Random(18);
    try (Writer old = Files.newBufferedWriter(before, StandardCharsets.UTF_8);
        Writer now = Files.newBufferedWriter(after, StandardCharsets.UTF_8)) {
      if (csv) {
        String header = "vendor,id,email,first_name,last_name,roles,removed,license\r\n";
        old.write(header);
        now.write(header);
      }
      for (int i = 0; i < users; i++) {
        String id = String.format("u%021d", i);
        String email = "person" + i + "@example.com";
        String license = LICENSES[random.nextInt(LICENSES.length)];
        String role = ROLES[random.nextInt(ROLES.length)];
        old.write(line(csv, id, email, license, role, i));
        int fate = i % 100;
        if (fate == 1) {
          continue; // removed
        }
        now.write(line(csv, id, fate == 2 ? "renamed" + i + "@example.com" : email,
            fate == 3 ? "Guest".equals(license) ? "Full" : "Guest" : license, role, i));
        if (fate == 4) {
          now.write(line(csv, String.format("n%021d", i), "new" + i + "@example.com", "Full",
              "Member", i));
        }
      }
    }
  }

  private static String line(boolean csv, String id, String email, String license, String role,
      int i) {
    if (csv) {
      return "pandadoc," + id + "," + email + ",First" + i + ",Last" + i + "," + license + ";"
          + role + ",," + license + "\r\n";
    }
    return "{\"user_id\":\"" + id + "\",\"email\":\"" + email + "\",\"first_name\":\"First" + i
        + "\",\"last_name\":\"Last" + i + "\",\"phone_number\":\"+14845550" + (i % 1000)
        + "\",\"license\":\"" + license + "\",\"is_organization_owner\":false,\"workspaces\":"
        + "[{\"role\":\"" + role + "\",\"workspace_id\":\"ws00000000000000000001\","
        + "\"membership_id\":\"m" + id + "\"}]}\n";
  }

  private static void measure(String format, Path before, Path after, int users) {
    AtomicLong peakAfterGc = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
            .equals(notification.getType())) {
          GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
              (CompositeData) notification.getUserData());
          long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
              .mapToLong(MemoryUsage::getUsed).sum();
          peakAfterGc.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
    System.gc();
    peakAfterGc.set(0);
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long gcsBefore = collections();
    AtomicLong bytesOut = new AtomicLong();
    PrintStream out = new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        bytesOut.incrementAndGet();
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytesOut.addAndGet(len);
      }
    }, false, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    int code = UsersCli.run(Environment.of(Map.of()), out, System.out, "diff", before.toString(),
        after.toString(), "--format", "jsonl");
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
    System.out.printf("%s: exit %d, %,d users a side in %.2f s (%,.0f users/s over both files), "
            + "%,d bytes of diff; -Xmx %d MB, peak heap used %.1f MB, peak after GC %.1f MB, "
            + "%d collections%n", format, code, users, seconds, 2 * users / seconds,
        bytesOut.get(), Runtime.getRuntime().maxMemory() >> 20, peak / 1e6,
        peakAfterGc.get() / 1e6, collections() - gcsBefore);
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }
}
