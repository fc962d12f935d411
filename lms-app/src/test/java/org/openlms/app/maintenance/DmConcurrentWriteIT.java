package org.openlms.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openlms.app.maintenance.MaintenanceWorker.ClaimedChunk;
import org.openlms.app.maintenance.step.ChunkContext;
import org.openlms.app.maintenance.step.MaintenancePipeline;
import org.openlms.app.maintenance.step.MaintenanceStage;
import org.openlms.app.maintenance.step.MaintenanceStep;

/**
 * A payment written while its loan is maintained, following the contract (lock the loan row first), is
 * seen by the day's step exactly when it committed first, and otherwise waits for the chunk and sees the
 * loan already maintained: never lost, never counted twice.
 */
class DmConcurrentWriteIT {

  /** Records, per loan, how many payments the day's step saw. */
  private record SeesPayments(CountDownLatch inside, CountDownLatch proceed) implements MaintenanceStep {
    @Override
    public MaintenanceStage stage() {
      return MaintenanceStage.CALCULATOR;
    }

    @Override
    public void apply(ChunkContext chunk) {
      inside.countDown();
      try {
        proceed.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      chunk.forEachLoan(this, loan -> {
        long seen = chunk.reads().sql("SELECT count(*) FROM dm_test_payment WHERE loan_id = ?").param(loan.id())
            .query(Long.class).single();
        chunk.write(loan.id(), "INSERT INTO dm_test_effect (loan_id, date, stage) VALUES (?, ?, ?)", loan.id(),
            chunk.businessDate(), "payments=" + seen);
      });
    }
  }

  private static DmFixture fixture() {
    DmFixture f = DmFixture.newTenant();
    TestSteps.createEffectTable(f.sql);
    f.sql.sql("CREATE TABLE dm_test_payment (loan_id BIGINT NOT NULL, applied_after_maintenance_of DATE)").update();
    f.loan();
    f.queue(f.today());
    f.bean(MaintenancePlanner.class).planNext(f.tenant).orElseThrow();
    return f;
  }

  /** A payment as the loan API must write it: lock the loan, note what was maintained, insert. */
  private static void pay(Connection c, long loanId) throws Exception {
    try (PreparedStatement lock = c.prepareStatement("SELECT last_maintained_date FROM loan WHERE id = ? FOR UPDATE")) {
      lock.setLong(1, loanId);
      try (ResultSet rs = lock.executeQuery(); PreparedStatement ins = c.prepareStatement(
          "INSERT INTO dm_test_payment (loan_id, applied_after_maintenance_of) VALUES (?, ?)")) {
        rs.next();
        ins.setLong(1, loanId);
        ins.setObject(2, rs.getObject(1, LocalDate.class));
        ins.executeUpdate();
      }
    }
  }

  @Test
  void aPaymentHoldingTheLoanIsSeenByTheChunkThatWaitedForIt() throws Exception {
    DmFixture f = fixture();
    long loan = f.sql.sql("SELECT id FROM loan").query(Long.class).single();
    MaintenanceWorker worker = f.bean(MaintenanceWorker.class);
    ClaimedChunk c = worker.claim(f.tenant, "node-a").orElseThrow();
    CountDownLatch inside = new CountDownLatch(1);
    try (Connection payment = f.db.getConnection()) {
      payment.setAutoCommit(false);
      pay(payment, loan);
      CompletableFuture<ChunkOutcome> chunk = CompletableFuture.supplyAsync(() -> worker.process(f.tenant, c, "node-a",
          new MaintenancePipeline(List.of(new SeesPayments(inside, new CountDownLatch(0))))));
      assertThat(inside.await(1, TimeUnit.SECONDS)).as("the chunk waits for the payment's lock").isFalse();
      payment.commit();
      assertThat(chunk.get(30, TimeUnit.SECONDS).maintained()).isEqualTo(1);
    }
    assertThat(f.sql.sql("SELECT stage FROM dm_test_effect").query(String.class).list()).containsExactly("payments=1");
    assertThat(f.sql.sql("SELECT applied_after_maintenance_of FROM dm_test_payment")
        .query((rs, n) -> rs.getObject(1, LocalDate.class)).list()).containsExactly((LocalDate) null);
  }

  @Test
  void aPaymentArrivingMidChunkWaitsAndSeesTheLoanMaintained() throws Exception {
    DmFixture f = fixture();
    long loan = f.sql.sql("SELECT id FROM loan").query(Long.class).single();
    MaintenanceWorker worker = f.bean(MaintenanceWorker.class);
    ClaimedChunk c = worker.claim(f.tenant, "node-a").orElseThrow();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    CompletableFuture<ChunkOutcome> chunk = CompletableFuture.supplyAsync(() -> worker.process(f.tenant, c, "node-a",
        new MaintenancePipeline(List.of(new SeesPayments(inside, proceed)))));
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> paid;
    try (Connection payment = f.db.getConnection()) {
      paid = CompletableFuture.runAsync(() -> {
        try {
          payment.setAutoCommit(false);
          pay(payment, loan);
          payment.commit();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(500);
      assertThat(paid).as("the payment waits for the chunk's lock").isNotDone();
      proceed.countDown();
      assertThat(chunk.get(30, TimeUnit.SECONDS).maintained()).isEqualTo(1);
      paid.get(30, TimeUnit.SECONDS);
    }
    assertThat(f.sql.sql("SELECT stage FROM dm_test_effect").query(String.class).list()).containsExactly("payments=0");
    assertThat(f.sql.sql("SELECT applied_after_maintenance_of FROM dm_test_payment")
        .query((rs, n) -> rs.getObject(1, LocalDate.class)).list()).containsExactly(f.today());
  }
}
