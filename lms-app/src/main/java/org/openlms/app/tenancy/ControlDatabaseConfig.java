package org.openlms.app.tenancy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.openlms.app.LmsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts (or locates) the control database server, pools connections to it and migrates it. */
@Configuration(proxyBeanMethods = false)
class ControlDatabaseConfig {

  @Bean(destroyMethod = "close")
  ControlServer controlServer(LmsProperties props) {
    return ControlServer.start(props);
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(ControlServer control) {
    HikariConfig cfg = new HikariConfig();
    cfg.setPoolName("control");
    cfg.setJdbcUrl(control.server().jdbcUrl(control.database()));
    cfg.setUsername(control.server().user());
    cfg.setPassword(control.server().password());
    cfg.setMaximumPoolSize(10);
    cfg.setMinimumIdle(1);
    HikariDataSource ds = new HikariDataSource(cfg);
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/control")
        .load()
        .migrate();
    return ds;
  }
}
