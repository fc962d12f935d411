package org.openlms.app.maintenance;

import java.util.Set;
import org.openlms.app.maintenance.step.ChunkContext;
import org.openlms.app.maintenance.step.MaintenanceStage;
import org.openlms.app.maintenance.step.MaintenanceStep;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Steps for tests: one that records a visible effect per loan and day (so that "exactly one effect per
 * loan per day" can be counted), one that throws for chosen loans, one that fails its whole chunk.
 */
final class TestSteps {

  private TestSteps() {}

  static void createEffectTable(JdbcClient sql) {
    sql.sql("CREATE TABLE IF NOT EXISTS dm_test_effect (loan_id BIGINT NOT NULL, date DATE NOT NULL, stage TEXT)").update();
  }

  static int effects(JdbcClient sql, long loanId) {
    return sql.sql("SELECT count(*) FROM dm_test_effect WHERE loan_id = ?").param(loanId).query(Integer.class).single();
  }

  /** Writes one dm_test_effect row per loan and day through the worker's batched writes. */
  record Effect(MaintenanceStage stage) implements MaintenanceStep {
    @Override
    public void apply(ChunkContext chunk) {
      chunk.forEachLoan(this, loan -> chunk.write(loan.id(),
          "INSERT INTO dm_test_effect (loan_id, date, stage) VALUES (?, ?, ?)", loan.id(), chunk.businessDate(),
          stage.name()));
    }
  }

  /** Throws for the given loans, as a buggy rule would. */
  record Throwing(MaintenanceStage stage, Set<Long> badLoans) implements MaintenanceStep {
    @Override
    public String name() {
      return "throwing-" + stage.name().toLowerCase();
    }

    @Override
    public void apply(ChunkContext chunk) {
      chunk.forEachLoan(this, loan -> {
        if (badLoans.contains(loan.id())) {
          throw new IllegalStateException("rule blew up on loan " + loan.id());
        }
      });
    }
  }

  /** Fails the whole chunk (an infrastructure error, not a loan's), as a crash mid-transaction would. */
  record CrashChunk(MaintenanceStage stage) implements MaintenanceStep {
    @Override
    public void apply(ChunkContext chunk) {
      throw new IllegalStateException("node lost its database mid-chunk");
    }
  }
}
