package org.openlms.app;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** The server: API, admin API and (later) daily maintenance workers, in one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LmsApplication {

  public static ConfigurableApplicationContext start(String... args) {
    SpringApplication app = new SpringApplication(LmsApplication.class);
    return app.run(args);
  }

  /** The one clock of the application; tests replace it to move time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
