package zoneassess.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap of this JVM (the Spark driver; in local mode also the executors) since the last reset:
 * the sum of the heap pools' peak usage, as the JVM records it, so short peaks between samples are
 * not missed.
 */
final class HeapPeak {
  private HeapPeak() {}

  static void reset() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  static long bytes() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }
}
