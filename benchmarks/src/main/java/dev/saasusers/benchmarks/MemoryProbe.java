package dev.saasusers.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.DatagridListUsersParams;
import dev.saasusers.datagrid.model.OrganizationUser;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.pandadoc.model.PandaDocUser;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Child JVM (run with {@code -Xmx64m}): streams every user of a base URL through the SDK's
 * iterator and prints {@code users seconds peakHeapAfterGcBytes gcCount}. Datagrid by default;
 * {@code pandadoc} as the second argument lists PandaDoc, whose listing keeps every id it
 * delivered (to repair a directory that changes under it) until the last page.
 */
public final class MemoryProbe {
  private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
      .collect(Collectors.toSet());

  /** What a probe run printed: users read, seconds, peak heap after GC in bytes, collections. */
  record Result(long users, double seconds, long peakHeapAfterGc, long collections) {
    double peakMb() {
      return peakHeapAfterGc / 1048576.0;
    }
  }

  /**
   * Runs the probe in a child JVM with {@code -Xmx64m}.
   *
   * @param args the probe's arguments: the base URL, then optionally {@code pandadoc}
   * @return what it printed
   * @throws IllegalStateException when the child failed, with its output
   */
  static Result inChildJvm(String... args) throws java.io.IOException, InterruptedException {
    List<String> command = BenchmarkSuite.javaCommand("-Xmx64m", MemoryProbe.class.getName(), args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8)).lines().collect(Collectors.toList());
    int exit = process.waitFor();
    String[] last = lines.isEmpty() ? new String[0] : lines.get(lines.size() - 1).trim().split(" ");
    if (exit != 0 || last.length != 4) {
      throw new IllegalStateException("memory probe " + String.join(" ", args) + " failed (" + exit + "): " + lines);
    }
    return new Result(Long.parseLong(last[0]), Double.parseDouble(last[1]), Long.parseLong(last[2]),
        Long.parseLong(last[3]));
  }

  private MemoryProbe() {
  }

  /**
   * Streams every user and prints the figures.
   *
   * @param args the base URL, then optionally {@code pandadoc}
   */
  public static void main(String[] args) {
    AtomicLong peakAfterGc = new AtomicLong();
    AtomicLong gcs = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          // The GC reports every pool; only the heap's count against -Xmx.
          long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
              .filter(e -> HEAP_POOLS.contains(e.getKey()))
              .mapToLong(e -> e.getValue().getUsed()).sum();
          peakAfterGc.accumulateAndGet(used, Math::max);
          gcs.incrementAndGet();
        }
      }, null, null);
    }
    long start = System.nanoTime();
    long users = 0;
    if (args.length > 1 && args[1].equals("pandadoc")) {
      try (PandaDocClient client = PandaDocClient.builder().apiKey(Candidates.API_KEY).baseUrl(args[0]).build()) {
        for (PandaDocUser u : client.users().list()) { // 50 a page, the API's largest
          users += u.getUserId() != null ? 1 : 0;
        }
      }
    } else {
      try (DatagridClient client = DatagridClient.builder().apiKey(Candidates.API_KEY).baseUrl(args[0]).build()) {
        for (OrganizationUser u : client.users().list(DatagridListUsersParams.defaults().withPageSize(100))) {
          users += u.getId() != null ? 1 : 0;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(users + " " + seconds + " " + peakAfterGc.get() + " " + gcs.get());
  }
}
