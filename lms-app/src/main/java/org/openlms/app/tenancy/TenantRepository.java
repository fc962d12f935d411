package org.openlms.app.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tenants in the control database. */
@Repository
public class TenantRepository {

  private final JdbcClient jdbc;

  TenantRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long nextId() {
    return jdbc.sql("SELECT nextval('tenant_id_seq')").query(Long.class).single();
  }

  public Tenant insert(long id, long companyId, TenantKind kind, String serverUrl, String dbName,
      String dbUser, String dbPasswordEncrypted, TenantLimits limits) {
    return jdbc.sql("""
            INSERT INTO tenant (id, company_id, kind, status, db_server_url, db_name, db_user,
                db_password_encrypted, max_connections, max_loans, max_rules, api_requests_per_minute)
            VALUES (?, ?, ?, 'provisioning', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *""")
        .params(id, companyId, kind.code(), serverUrl, dbName, dbUser, dbPasswordEncrypted,
            limits.maxConnections(), limits.maxLoans(), limits.maxRules(), limits.apiRequestsPerMinute())
        .query(TenantRepository::map)
        .single();
  }

  public Optional<Tenant> find(long id) {
    return jdbc.sql("SELECT * FROM tenant WHERE id = ?").param(id).query(TenantRepository::map).optional();
  }

  public List<Tenant> list() {
    return jdbc.sql("SELECT * FROM tenant ORDER BY id").query(TenantRepository::map).list();
  }

  public List<Tenant> listOfCompany(long companyId) {
    return jdbc.sql("SELECT * FROM tenant WHERE company_id = ? ORDER BY id")
        .param(companyId).query(TenantRepository::map).list();
  }

  public void setStatus(long id, TenantStatus status, String detail) {
    jdbc.sql("UPDATE tenant SET status = ?, status_detail = ? WHERE id = ?")
        .params(status.code(), detail, id).update();
  }

  public void markMigrated(long id, String version, Instant at) {
    jdbc.sql("""
            UPDATE tenant SET schema_version = ?, migrated_at = ?, status = 'active', status_detail = NULL
            WHERE id = ?""")
        .params(version, Timestamp.from(at), id).update();
  }

  public void updateLimits(long id, TenantLimits l) {
    jdbc.sql("""
            UPDATE tenant SET max_connections = ?, max_loans = ?, max_rules = ?, api_requests_per_minute = ?
            WHERE id = ?""")
        .params(l.maxConnections(), l.maxLoans(), l.maxRules(), l.apiRequestsPerMinute(), id).update();
  }

  private static Tenant map(ResultSet rs, int row) throws SQLException {
    Timestamp migrated = rs.getTimestamp("migrated_at");
    return new Tenant(
        rs.getLong("id"),
        rs.getLong("company_id"),
        TenantKind.fromCode(rs.getString("kind")),
        TenantStatus.fromCode(rs.getString("status")),
        rs.getString("status_detail"),
        rs.getString("db_server_url"),
        rs.getString("db_name"),
        rs.getString("db_user"),
        rs.getString("db_password_encrypted"),
        new TenantLimits(rs.getInt("max_connections"), rs.getLong("max_loans"), rs.getInt("max_rules"),
            rs.getInt("api_requests_per_minute")),
        rs.getString("schema_version"),
        migrated == null ? null : migrated.toInstant(),
        rs.getTimestamp("created_at").toInstant());
  }
}
