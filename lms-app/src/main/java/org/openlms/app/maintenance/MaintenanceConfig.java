package org.openlms.app.maintenance;

import java.util.List;
import org.openlms.app.maintenance.step.MaintenancePipeline;
import org.openlms.app.maintenance.step.MaintenanceStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pipeline of this application: every {@link MaintenanceStep} bean, in stage order. */
@Configuration
class MaintenanceConfig {

  @Bean
  MaintenancePipeline maintenancePipeline(ObjectProvider<MaintenanceStep> steps) {
    List<MaintenanceStep> ordered = steps.orderedStream().toList();
    return new MaintenancePipeline(ordered);
  }
}
