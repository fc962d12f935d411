package org.openlms.app.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDataSources;
import org.openlms.app.tenancy.TenantService;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads generated loans into a tenant with PostgreSQL COPY, in one transaction: the loans, their setup and
 * settings, their engine state as of yesterday (so tonight's maintenance moves them to today) and their
 * payment histories, a borrower each (its primary customer), and optionally each loan's status archive of
 * its last days. About 10 % are past due; some are archived, temporary or deleted. Payments and customers
 * load on a second connection in parallel and commit just before the rest; if the rest then fails they are
 * removed.
 */
@Service
public class LoanSeeder {

  /** The phases reported to the progress callback, each over {@code loans} rows. */
  public static final List<String> PHASES = List.of("loans", "setup", "settings", "state", "payments", "archive",
      "customers", "links");
  /** The most archive days a seed writes per loan (the seeded histories go back up to a year). */
  public static final int MAX_ARCHIVE_DAYS = 366;
  private static final Logger log = LoggerFactory.getLogger(LoanSeeder.class);

  private final TenantDataSources pools;
  private final TenantService tenants;

  LoanSeeder(TenantDataSources pools, TenantService tenants) {
    this.pools = pools;
    this.tenants = tenants;
  }

  /** Seeds {@code loans} loans without archive rows. */
  public Result seed(Tenant tenant, int loans, long randomSeed, BiConsumer<Integer, Integer> progress) {
    return seed(tenant, loans, randomSeed, 0, progress);
  }

  /**
   * Seeds {@code loans} loans, each with the archive of its last {@code archiveDays} days (fewer for a loan
   * younger than that); {@code progress} receives (phase index, loans done in that phase).
   */
  public Result seed(Tenant tenant, int loans, long randomSeed, int archiveDays,
      BiConsumer<Integer, Integer> progress) {
    if (loans < 1 || loans > 10_000_000) {
      throw new InvalidInputException("loans must be between 1 and 10000000");
    }
    if (archiveDays < 0 || archiveDays > MAX_ARCHIVE_DAYS || (long) loans * archiveDays > Integer.MAX_VALUE) {
      throw new InvalidInputException("archiveDays must be between 0 and " + MAX_ARCHIVE_DAYS
          + ", and loans times archiveDays at most " + Integer.MAX_VALUE);
    }
    long started = System.nanoTime();
    LocalDate asOf = tenants.businessDate(tenant).minusDays(1);
    long t0 = System.nanoTime();
    List<LoanTemplate> templates = LoanTemplates.generate(Math.max(20, Math.min(1000, loans / 200)), randomSeed, asOf,
        archiveDays);
    log.info("Seed: {} loan kinds computed in {} ms", templates.size(), (System.nanoTime() - t0) / 1_000_000);
    DataSource ds = pools.of(tenant);
    ExecutorService sideWork = Executors.newSingleThreadExecutor();
    try (Connection c = ds.getConnection(); Connection paymentsConn = ds.getConnection()) {
      c.setAutoCommit(false);
      paymentsConn.setAutoCommit(false);
      long first = reserve(c, tenant, loans);
      SeedRows rows = new SeedRows(first, loans, templates, asOf, randomSeed, archiveDays);
      // Payments are most of the rows and reference loans only by id, so they load on a second connection
      // while the per-loan tables and the archive load on the first: both cores work. The borrowers (customers
      // reference nothing) follow the payments there; their links to the loans load once both sides are in.
      Future<Long> side = sideWork.submit(() -> {
        copy(copyApi(paymentsConn), SeedRows.PAYMENT_COPY, loans, rows::payments, 4, progress);
        long firstCustomer = reserveCustomers(paymentsConn, loans);
        withIndexesRebuilt(paymentsConn, "customer", loans, () -> copy(copyApi(paymentsConn), SeedRows.CUSTOMER_COPY, loans,
            i -> rows.customer(i, firstCustomer), 6, progress));
        return firstCustomer;
      });
      long firstCustomer;
      CopyManager copy = copyApi(c);
      try {
        copy(copy, SeedRows.LOAN_COPY, loans, rows::loan, 0, progress);
        copy(copy, SeedRows.SETUP_COPY, loans, rows::setup, 1, progress);
        copy(copy, SeedRows.SETTINGS_COPY, loans, rows::settings, 2, progress);
        copy(copy, SeedRows.STATE_COPY, loans, rows::state, 3, progress);
        if (archiveDays > 0) { // progress in loans' worth of rows, like the other phases
          copy(copy, SeedRows.ARCHIVE_COPY, (int) rows.archiveRowCount(), rows::archive, 5,
              (phase, done) -> progress.accept(phase, done / archiveDays));
        } else {
          progress.accept(5, loans);
        }
        firstCustomer = side.get();
      } catch (Exception e) {
        side.cancel(true);
        rollback(c, paymentsConn);
        throw e instanceof RuntimeException r ? r : new IllegalStateException(rootMessage(e), e);
      }
      // The links need the customers committed (the loans are this transaction's own); if the links or the
      // rest then fail, the payments and customers committed here must go again.
      paymentsConn.commit();
      try {
        withIndexesRebuilt(c, "loan_customer", loans, () -> copy(copy, SeedRows.LINK_COPY, loans,
            i -> rows.link(i, firstCustomer), 7, progress));
        c.commit();
        analyze(c);
      } catch (Exception e) {
        rollback(c);
        try (PreparedStatement delPayments = paymentsConn.prepareStatement(
                "DELETE FROM loan_payment WHERE loan_id BETWEEN ? AND ?");
            PreparedStatement delCustomers = paymentsConn.prepareStatement(
                "DELETE FROM customer WHERE id BETWEEN ? AND ?")) {
          delPayments.setLong(1, first);
          delPayments.setLong(2, first + loans - 1);
          delPayments.executeUpdate();
          delCustomers.setLong(1, firstCustomer);
          delCustomers.setLong(2, firstCustomer + loans - 1);
          delCustomers.executeUpdate();
          paymentsConn.commit();
        }
        throw e instanceof RuntimeException r ? r : new IllegalStateException(rootMessage(e), e);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Seeding tenant " + tenant.id() + " failed: " + e.getMessage(), e);
    } finally {
      sideWork.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    log.info("Seeded {} loans into tenant {} in {} s", loans, tenant.id(), String.format("%.1f", seconds));
    return new Result(loans, templates.size(), seconds);
  }

  /** Locks the loan table, checks the tenant's max loans, and reserves a block of ids. */
  private static long reserve(Connection c, Tenant tenant, int loans) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("LOCK TABLE loan IN EXCLUSIVE MODE");
      long live;
      long maxId;
      try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE NOT deleted), COALESCE(max(id), 0) FROM loan")) {
        rs.next();
        live = rs.getLong(1);
        maxId = rs.getLong(2);
      }
      if (live + loans > tenant.limits().maxLoans()) {
        throw new InvalidInputException("Tenant " + tenant.id() + " allows " + tenant.limits().maxLoans()
            + " loans and has " + live + "; seeding " + loans + " more would exceed it");
      }
      st.execute("SELECT setval('loan_id_seq', " + (maxId + loans) + ")"); // numbers we computed, not input
      return maxId + 1;
    }
  }

  /** A COPY into a table. */
  private interface Load {
    void run() throws SQLException, java.io.IOException;
  }

  /** From this many loans on, the customer tables' secondary indexes are rebuilt rather than maintained. */
  static final int REBUILD_INDEXES_FROM = 10_000;

  /**
   * Runs {@code load} with {@code table}'s secondary indexes (those behind no constraint) dropped, then builds
   * them again from their own definitions, in the caller's transaction: a trigram index built once over a
   * million new customers costs about half what updating it row by row does. Dropping an index locks even
   * readers out of the table until the seed commits, so a small seed (the demo's) maintains them instead.
   */
  private static void withIndexesRebuilt(Connection c, String table, int loans, Load load)
      throws SQLException, java.io.IOException {
    if (loans < REBUILD_INDEXES_FROM) {
      load.run();
      return;
    }
    List<String[]> indexes = new java.util.ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("""
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
        WHERE i.indrelid = ?::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)""")) {
      q.setString(1, table);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          indexes.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    try (Statement st = c.createStatement()) {
      for (String[] index : indexes) {
        st.execute("DROP INDEX " + index[0]); // names and definitions from the catalog, not from input
      }
      load.run();
      long built = System.nanoTime();
      for (String[] index : indexes) {
        st.execute(index[1]);
      }
      log.info("Seed: {} index(es) of {} built in {} ms", indexes.size(), table, (System.nanoTime() - built) / 1_000_000);
    }
  }

  /**
   * Gives the planner the new tables' statistics at once: until autovacuum gets to them, a query over freshly
   * seeded tables can plan as if they were empty (the loan search then took minutes over 21,000 loans).
   */
  private static void analyze(Connection c) throws SQLException {
    long t = System.nanoTime();
    try (Statement st = c.createStatement()) {
      st.execute("ANALYZE loan, loan_setup, loan_settings, loan_state, loan_payment, loan_status_archive, customer, "
          + "loan_customer");
    }
    c.commit();
    log.info("Seed: statistics gathered in {} ms", (System.nanoTime() - t) / 1_000_000);
  }

  /** Reserves a block of customer ids (one borrower per seeded loan); the lock keeps API creates out meanwhile. */
  private static long reserveCustomers(Connection c, int loans) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("LOCK TABLE customer IN EXCLUSIVE MODE");
      long maxId;
      try (ResultSet rs = st.executeQuery("SELECT COALESCE(max(id), 0) FROM customer")) {
        rs.next();
        maxId = rs.getLong(1);
      }
      st.execute("SELECT setval('customer_id_seq', " + (maxId + loans) + ")"); // numbers we computed, not input
      return maxId + 1;
    }
  }

  private static CopyManager copyApi(Connection c) throws SQLException {
    return c.unwrap(PGConnection.class).getCopyAPI();
  }

  private static void rollback(Connection... connections) {
    for (Connection c : connections) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the connection is broken; closing it discards the transaction anyway
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static void copy(CopyManager copy, String sql, int loans, java.util.function.IntFunction<String> row,
      int phase, BiConsumer<Integer, Integer> progress) throws SQLException, java.io.IOException {
    long t = System.nanoTime();
    long rows = copy.copyIn(sql, new CopyRows(loans, row, done -> progress.accept(phase, done)), 1 << 16);
    log.info("Seed phase {}: {} rows in {} ms", PHASES.get(phase), rows, (System.nanoTime() - t) / 1_000_000);
  }

  /** How many loans, from how many distinct generated kinds, in how long. */
  public record Result(int loans, int templates, double seconds) {}
}
