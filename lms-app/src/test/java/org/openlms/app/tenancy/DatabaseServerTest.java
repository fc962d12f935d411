package org.openlms.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseServerTest {

  @Test
  void splitsAJdbcUrlIntoServerAndDatabaseKeepingDriverParameters() {
    DatabaseServer.Located at = DatabaseServer.parse("jdbc:postgresql://db1:5432,db2:5432/lms_control?ssl=true", "u", "p");
    assertThat(at.database()).isEqualTo("lms_control");
    assertThat(at.server().baseUrl()).isEqualTo("jdbc:postgresql://db1:5432,db2:5432");
    assertThat(at.server().jdbcUrl("lms_t5200001")).isEqualTo("jdbc:postgresql://db1:5432,db2:5432/lms_t5200001?ssl=true");
  }

  @Test
  void aUrlWithoutDatabaseMeansThePostgresDatabase() {
    assertThat(DatabaseServer.parse("jdbc:postgresql://localhost:5433", null, null).database()).isEqualTo("postgres");
  }

  @Test
  void refusesAnythingButPostgresql() {
    assertThatThrownBy(() -> DatabaseServer.parse("jdbc:mysql://x/y", null, null))
        .hasMessageContaining("Not a PostgreSQL JDBC URL");
  }

  @Test
  void onlyGeneratedDatabaseNamesAreEverQuoted() {
    assertThat(ControlServer.quoteIdentifier("lms_t5200001")).isEqualTo("\"lms_t5200001\"");
    assertThatThrownBy(() -> ControlServer.quoteIdentifier("x\"; DROP DATABASE y; --"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
