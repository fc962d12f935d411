package org.openlms.app.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.TestLoans;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDataSources;
import org.openlms.app.tenancy.TenantService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant of a maintenance test server with loans inserted by SQL (the loan API comes later). The server
 * is shared by the maintenance tests: chunks of 3 loans, no background workers or trigger, so that every
 * test drives the planner and workers itself.
 */
final class DmFixture {

  private static LmsTestServer server;

  final LmsTestServer srv;
  final Tenant tenant;
  final DataSource db;
  final JdbcClient sql;

  private DmFixture(LmsTestServer srv, Tenant tenant) {
    this.srv = srv;
    this.tenant = tenant;
    this.db = srv.bean(TenantDataSources.class).of(tenant);
    this.sql = JdbcClient.create(db);
  }

  static synchronized LmsTestServer server() {
    if (server == null) {
      server = LmsTestServer.start(Map.of("lms.maintenance.chunk-size", "3"));
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  static DmFixture newTenant() {
    return on(server(), server().newTenant().id());
  }

  static DmFixture on(LmsTestServer srv, long tenantId) {
    return new DmFixture(srv, srv.bean(TenantService.class).tenant(tenantId));
  }

  <T> T bean(Class<T> type) {
    return srv.bean(type);
  }

  /** An activated, live loan; returns its id. */
  long loan() {
    return loan(Map.of());
  }

  /** A loan with column overrides (archived, archived_at, temporary_account, deleted, ...). */
  long loan(Map<String, Object> columns) {
    long id = sql.sql("INSERT INTO loan (display_id, setup_active) VALUES ('L' || nextval('loan_id_seq') || '-' || "
        + "md5(random()::text), true) RETURNING id").query(Long.class).single();
    columns.forEach((col, value) -> sql.sql("UPDATE loan SET " + col + " = ? WHERE id = ?").params(value, id).update());
    TestLoans.giveTerms(sql, contract());
    return id;
  }

  /** The contract date of fixture loans: 40 days back, so the calculator has real days to bring forward. */
  LocalDate contract() {
    return today().minusDays(40);
  }

  /** Queues a manual run for the date (as {@code ./lms maintenance run --date} does). */
  DmRun queue(LocalDate date) {
    return bean(MaintenanceService.class).requestRun(tenant.id(), date);
  }

  DmRun run(LocalDate date) {
    return Tx.run(db, tx -> bean(DmRunRepository.class).find(tx, date)).orElseThrow();
  }

  List<DmChunk> chunks(long runId) {
    return Tx.run(db, tx -> bean(DmChunkRepository.class).ofRun(tx, runId));
  }

  LocalDate lastMaintained(long loanId) {
    return sql.sql("SELECT last_maintained_date FROM loan WHERE id = ?").param(loanId)
        .query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
  }

  /** The run's lifecycle events in order (loan events such as Installment Due are left out). */
  List<String> events() {
    return sql.sql("SELECT event_name FROM outbox_event WHERE event_name LIKE 'Daily Maintenance %' ORDER BY id")
        .query(String.class).list();
  }

  /** Today in the test company's zone (America/Denver), the latest date a run may be requested for. */
  LocalDate today() {
    return MaintenanceCalendar.currentBusinessDate(bean(MaintenanceService.class).zoneOf(tenant), Instant.now());
  }
}
