package org.openlms.app.maintenance;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The benchmark's peak heap: the largest heap occupancy right after a garbage collection, from the collectors'
 * notifications. Unlike the sum of each pool's own peak (pools peak at different moments, so that sum can exceed
 * {@code -Xmx}), this is a heap size that really existed, and it leaves out garbage not yet collected.
 */
final class HeapAfterGc implements NotificationListener {

  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
  private final AtomicLong peak = new AtomicLong(-1);

  private HeapAfterGc() {}

  static HeapAfterGc start() {
    HeapAfterGc h = new HeapAfterGc();
    h.collectors.forEach(c -> ((NotificationEmitter) c).addNotificationListener(h, null, null));
    return h;
  }

  /** Stops listening; returns the peak in bytes (the heap in use now if no collection happened). */
  long stop() {
    for (GarbageCollectorMXBean c : collectors) {
      try {
        ((NotificationEmitter) c).removeNotificationListener(this);
      } catch (javax.management.ListenerNotFoundException e) {
        // not registered: nothing to remove
      }
    }
    long p = peak.get();
    return p >= 0 ? p : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public void handleNotification(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
        .getGcInfo().getMemoryUsageAfterGc();
    long used = after.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
        .mapToLong(e -> e.getValue().getUsed()).sum();
    peak.accumulateAndGet(used, Math::max);
  }
}
