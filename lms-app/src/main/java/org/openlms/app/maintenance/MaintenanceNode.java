package org.openlms.app.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantRepository;
import org.openlms.app.tenancy.TenantStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This process's share of daily maintenance: a control thread (the nightly trigger when enabled, finding
 * runs other nodes created, finishing runs a crashed node left, heartbeats) and {@code workers} threads
 * that plan queued runs and maintain chunks of the tenants known to have open runs. Nodes coordinate only
 * through the tenant databases, so any number can run.
 */
@Component
class MaintenanceNode implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceNode.class);

  private final MaintenanceProperties props;
  private final MaintenanceScheduler scheduler;
  private final MaintenancePlanner planner;
  private final MaintenanceWorker worker;
  private final MaintenanceCompleter completer;
  private final MaintenanceService service;
  private final TenantRepository tenants;
  private final Set<Long> busy = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean running = new AtomicBoolean();
  private final Object wake = new Object();
  private final List<Thread> threads = new ArrayList<>();

  MaintenanceNode(MaintenanceProperties props, MaintenanceScheduler scheduler, MaintenancePlanner planner,
      MaintenanceWorker worker, MaintenanceCompleter completer, MaintenanceService service,
      TenantRepository tenants) {
    this.props = props;
    this.scheduler = scheduler;
    this.planner = planner;
    this.worker = worker;
    this.completer = completer;
    this.service = service;
    this.tenants = tenants;
  }

  @Override
  public void start() {
    running.set(true);
    service.onRunRequested(this::nudge);
    if (props.enabled() || props.workers() > 0) {
      threads.add(thread("dm-control", this::control));
    }
    for (int i = 0; i < props.workers(); i++) {
      threads.add(thread("dm-worker-" + i, this::work));
    }
    log.info("Daily maintenance node {}: scheduler {}, {} worker(s)", worker.nodeId(),
        props.enabled() ? "on" : "off", props.workers());
  }

  private static Thread thread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** A run was queued for the tenant: wake the workers instead of waiting for discovery. */
  void nudge(long tenantId) {
    busy.add(tenantId);
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void control() {
    long nextTick = 0;
    long nextDiscovery = 0;
    long nextBeat = 0;
    while (running.get()) {
      long now = System.currentTimeMillis();
      try {
        if (props.enabled() && now >= nextTick) {
          scheduler.tick().forEach(this::nudge);
          nextTick = now + props.tick().toMillis();
        }
        if (now >= nextBeat) {
          worker.heartbeat();
          nextBeat = now + props.lease().toMillis() / 3;
        }
        if (props.workers() > 0 && now >= nextDiscovery) {
          discover();
          nextDiscovery = now + props.discovery().toMillis();
        }
      } catch (RuntimeException e) {
        log.warn("Daily maintenance control loop: {}", e.toString());
      }
      sleep(Math.min(1000, props.discovery().toMillis()));
    }
  }

  private void discover() {
    for (Tenant t : tenants.list()) {
      if (t.status() != TenantStatus.ACTIVE) {
        continue;
      }
      try {
        completer.sweep(t);
        if (service.hasOpenRuns(t)) {
          nudge(t.id());
        }
      } catch (RuntimeException e) {
        log.warn("Tenant {}: daily maintenance discovery failed: {}", t.id(), e.getMessage());
      }
    }
  }

  private void work() {
    while (running.get()) {
      boolean did = false;
      for (Long id : List.copyOf(busy)) {
        try {
          Tenant t = tenants.find(id).orElse(null);
          if (t == null || t.status() != TenantStatus.ACTIVE) {
            busy.remove(id);
            continue;
          }
          boolean planned = planner.planNext(t).isPresent();
          boolean worked = worker.workOnce(t);
          did |= planned || worked;
          if (!planned && !worked && !service.hasOpenRuns(t)) {
            busy.remove(id);
          }
        } catch (RuntimeException e) {
          log.warn("Tenant {}: daily maintenance worker: {}", id, e.toString());
        }
      }
      if (!did) {
        synchronized (wake) {
          try {
            wake.wait(props.poll().toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  private void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }

  @Override
  public void stop() {
    running.set(false);
    threads.forEach(Thread::interrupt);
    for (Thread t : threads) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }
}
