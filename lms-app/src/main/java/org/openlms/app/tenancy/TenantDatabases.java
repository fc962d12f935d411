package org.openlms.app.tenancy;

import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.stereotype.Component;

/** Where each tenant's database lives, and how it is created and migrated. */
@Component
public class TenantDatabases {

  private final ControlServer control;
  private final SecretCipher cipher;

  TenantDatabases(ControlServer control, SecretCipher cipher) {
    this.control = control;
    this.cipher = cipher;
  }

  /** The server holding the tenant's database, with its credentials decrypted. */
  public DatabaseServer serverOf(Tenant t) {
    if (t.onControlServer()) {
      return control.server();
    }
    DatabaseServer.Located at = DatabaseServer.parse(t.serverUrl(), t.databaseUser(),
        cipher.decrypt(t.databasePasswordEncrypted()));
    return at.server();
  }

  public String jdbcUrl(Tenant t) {
    return serverOf(t).jdbcUrl(t.databaseName());
  }

  /** Creates the tenant's database on its server ({@code CREATE DATABASE}) if it does not exist yet. */
  public void create(Tenant t) throws SQLException {
    ControlServer.ensureDatabase(serverOf(t), t.databaseName());
  }

  /** Applies every pending tenant migration; returns the schema version reached. */
  public String migrate(Tenant t) {
    DatabaseServer server = serverOf(t);
    MigrateResult result = Flyway.configure()
        .dataSource(server.jdbcUrl(t.databaseName()), server.user(), server.password())
        .locations("classpath:db/tenant")
        .connectRetries(2)
        .load()
        .migrate();
    return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
  }
}
