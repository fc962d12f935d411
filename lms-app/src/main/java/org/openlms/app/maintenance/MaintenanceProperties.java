package org.openlms.app.maintenance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lms.maintenance.*}: {@code enabled} turns on the nightly trigger (the scheduler); {@code workers}
 * is the number of worker threads of this node (0: this node only schedules, or does nothing; the default 3, one
 * more than the 2 cores this was measured on, keeps the cores busy while a worker waits for the database); a run is
 * split into chunks of {@code chunkSize} loans (2500 saved PostgreSQL about 12 % at 1,000,000 loans but needs
 * several times the heap: up to 411 MB of 512 MB after GC once the automation steps keep each loan's day), claimed
 * with a {@code lease} renewed every third of it.
 * {@code tick} is how often the scheduler looks for a new business date, {@code poll} how long an idle
 * worker sleeps, {@code discovery} how often a node looks for runs created by other nodes, and a chunk
 * whose transaction failed {@code maxAttempts} times is given up (its loans counted as failed).
 */
@ConfigurationProperties("lms.maintenance")
public record MaintenanceProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("3") int workers,
    @DefaultValue("1000") int chunkSize,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("30s") Duration tick,
    @DefaultValue("500ms") Duration poll,
    @DefaultValue("2s") Duration discovery,
    @DefaultValue("5") int maxAttempts) {

  public MaintenanceProperties {
    if (chunkSize < 1 || workers < 0 || maxAttempts < 1 || lease.toMillis() < 1000) {
      throw new IllegalArgumentException("lms.maintenance: chunk-size >= 1, workers >= 0, max-attempts >= 1, lease >= 1s");
    }
  }
}
