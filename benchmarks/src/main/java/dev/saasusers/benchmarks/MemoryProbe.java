package dev.saasusers.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.ListUsersParams;
import dev.saasusers.datagrid.model.OrganizationUser;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Child JVM (run with {@code -Xmx64m}): streams every user of a base URL through the SDK's
 * iterator and prints {@code users seconds peakHeapAfterGcBytes gcCount}.
 */
public final class MemoryProbe {
  private MemoryProbe() {
  }

  /**
   * @param args the base URL
   */
  public static void main(String[] args) {
    AtomicLong peakAfterGc = new AtomicLong();
    AtomicLong gcs = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
              .mapToLong(MemoryUsage::getUsed).sum();
          peakAfterGc.accumulateAndGet(used, Math::max);
          gcs.incrementAndGet();
        }
      }, null, null);
    }
    long start = System.nanoTime();
    long users = 0;
    try (DatagridClient client = DatagridClient.builder().apiKey(Candidates.API_KEY).baseUrl(args[0]).build()) {
      for (OrganizationUser u : client.users().list(ListUsersParams.builder().pageSize(100).build())) {
        users += u.getId() != null ? 1 : 0;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(users + " " + seconds + " " + peakAfterGc.get() + " " + gcs.get());
  }
}
