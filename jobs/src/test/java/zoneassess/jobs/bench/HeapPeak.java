package zoneassess.jobs.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of this JVM (the Spark driver; in local mode also the executors) since the last reset,
 * measured as the largest heap occupancy right after a garbage collection. Young collections count
 * too, and after one the old generation still holds garbage no collector has reclaimed yet, so this
 * is an upper bound of the live data, close to the limit whenever the old generation fills between
 * full collections. Whether the run fits a heap limit at all is shown by running the benchmark with
 * that limit ({@code BENCH_HEAP}, default 1g): it completes or fails with OutOfMemoryError.
 */
final class HeapPeak {
  private static final AtomicLong PEAK = new AtomicLong();

  static {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(
            (n, handback) -> {
              if (!n.getType()
                  .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
              }
              GarbageCollectionNotificationInfo info =
                  GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
              long used = 0;
              for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                used += u.getUsed();
              }
              // Non-heap pools (metaspace, code cache) are in the map too; subtract them.
              for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() != java.lang.management.MemoryType.HEAP) {
                  MemoryUsage u = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                  if (u != null) {
                    used -= u.getUsed();
                  }
                }
              }
              PEAK.accumulateAndGet(used, Math::max);
            },
            null,
            null);
      }
    }
  }

  private HeapPeak() {}

  static void reset() {
    PEAK.set(0);
  }

  static long bytes() {
    return PEAK.get();
  }

  static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }
}
