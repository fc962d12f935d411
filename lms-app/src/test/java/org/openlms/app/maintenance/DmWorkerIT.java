package org.openlms.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openlms.app.maintenance.MaintenanceWorker.ClaimedChunk;
import org.openlms.app.maintenance.step.MaintenancePipeline;
import org.openlms.app.maintenance.step.MaintenanceStage;

/** Chunks: one effect per loan and day whatever is replayed, leases that expire, loans that fail alone. */
class DmWorkerIT {

  private static final MaintenancePipeline EFFECT =
      new MaintenancePipeline(List.of(new TestSteps.Effect(MaintenanceStage.CALCULATOR)));

  private static DmFixture planned(int loans) {
    DmFixture f = DmFixture.newTenant();
    TestSteps.createEffectTable(f.sql);
    for (int i = 0; i < loans; i++) {
      f.loan();
    }
    f.queue(f.today());
    f.bean(MaintenancePlanner.class).planNext(f.tenant).orElseThrow();
    return f;
  }

  private static List<Long> loanIds(DmFixture f) {
    return f.sql.sql("SELECT id FROM loan ORDER BY id").query(Long.class).list();
  }

  @Test
  void aReplayedChunkIsANoOp() {
    DmFixture f = planned(3);
    MaintenanceWorker worker = f.bean(MaintenanceWorker.class);
    ClaimedChunk c = worker.claim(f.tenant, "node-a").orElseThrow();
    assertThat(worker.process(f.tenant, c, "node-a", EFFECT)).isEqualTo(new ChunkOutcome(c.chunk().id(), 3, 0, 0));

    // Replay the committed chunk as a node that never learned of the commit would (lease reset by hand).
    f.sql.sql("UPDATE dm_chunk SET state = 'claimed', lease_owner = 'node-b' WHERE id = ?").param(c.chunk().id()).update();
    assertThat(worker.process(f.tenant, c, "node-b", EFFECT)).isEqualTo(new ChunkOutcome(c.chunk().id(), 0, 0, 3));

    for (long id : loanIds(f)) {
      assertThat(TestSteps.effects(f.sql, id)).as("effects of loan %d", id).isEqualTo(1);
      assertThat(f.lastMaintained(id)).isEqualTo(f.today());
    }
  }

  @Test
  void aChunkWhoseTransactionFailsLeavesNothingAndIsRetriedToExactlyOneEffect() {
    DmFixture f = planned(3);
    MaintenanceWorker worker = f.bean(MaintenanceWorker.class);
    ClaimedChunk c = worker.claim(f.tenant, "node-a").orElseThrow();
    MaintenancePipeline crashing = new MaintenancePipeline(List.of(new TestSteps.Effect(MaintenanceStage.CALCULATOR),
        new TestSteps.CrashChunk(MaintenanceStage.NOTIFICATIONS)));
    assertThatThrownBy(() -> worker.process(f.tenant, c, "node-a", crashing)).hasMessageContaining("mid-chunk");
    for (long id : loanIds(f)) {
      assertThat(TestSteps.effects(f.sql, id)).isZero();
      assertThat(f.lastMaintained(id)).isNull();
    }
    assertThat(worker.process(f.tenant, c, "node-a", EFFECT).maintained()).isEqualTo(3);
    for (long id : loanIds(f)) {
      assertThat(TestSteps.effects(f.sql, id)).isEqualTo(1);
    }
  }

  @Test
  void anExpiredLeaseIsReclaimedAndTheFormerHolderCannotCommit() {
    DmFixture f = planned(3);
    MaintenanceWorker worker = f.bean(MaintenanceWorker.class);
    ClaimedChunk first = worker.claim(f.tenant, "node-a").orElseThrow();
    assertThat(first.chunk().leaseOwner()).isEqualTo("node-a");
    assertThat(worker.claim(f.tenant, "node-b")).as("a live lease is not claimable").isEmpty();

    f.sql.sql("UPDATE dm_chunk SET lease_until = now() - interval '1 second' WHERE id = ?")
        .param(first.chunk().id()).update();
    ClaimedChunk taken = worker.claim(f.tenant, "node-b").orElseThrow();
    assertThat(taken.chunk().id()).isEqualTo(first.chunk().id());
    assertThat(taken.chunk().attempts()).isEqualTo(2);

    assertThatThrownBy(() -> worker.process(f.tenant, first, "node-a", EFFECT))
        .isInstanceOf(MaintenanceWorker.LeaseLost.class);
    for (long id : loanIds(f)) {
      assertThat(TestSteps.effects(f.sql, id)).isZero();
    }
    assertThat(worker.process(f.tenant, taken, "node-b", EFFECT).maintained()).isEqualTo(3);
    assertThat(f.bean(MaintenanceCompleter.class).tryComplete(f.tenant, taken.run().id())).isTrue();
    assertThat(f.run(f.today()).state()).isEqualTo(RunState.COMPLETED);
  }

  @Test
  void heartbeatsExtendTheLeaseOfTheChunksInFlight() {
    DmFixture f = planned(3);
    MaintenanceWorker worker = f.bean(MaintenanceWorker.class);
    ClaimedChunk c = worker.claim(f.tenant, "node-a").orElseThrow();
    f.sql.sql("UPDATE dm_chunk SET lease_until = now() + interval '1 second' WHERE id = ?").param(c.chunk().id()).update();
    DmChunkRepository chunks = f.bean(DmChunkRepository.class);
    boolean owner = Tx.run(f.db, tx -> chunks.heartbeat(tx, c.chunk().id(), "node-a", java.time.Duration.ofSeconds(60)));
    boolean other = Tx.run(f.db, tx -> chunks.heartbeat(tx, c.chunk().id(), "node-b", java.time.Duration.ofSeconds(60)));
    assertThat(owner).isTrue();
    assertThat(other).as("only the owner renews").isFalse();
    assertThat(f.sql.sql("SELECT lease_until > now() + interval '50 seconds' FROM dm_chunk WHERE id = ?")
        .param(c.chunk().id()).query(Boolean.class).single()).isTrue();
  }

  @Test
  void aLoanWhoseStepThrowsIsRecordedAndTheRestOfItsChunkIsMaintained() {
    DmFixture f = planned(3);
    List<Long> ids = loanIds(f);
    long bad = ids.get(1);
    MaintenancePipeline pipeline = new MaintenancePipeline(List.of(
        new TestSteps.Throwing(MaintenanceStage.RULES, Set.of(bad)),
        new TestSteps.Effect(MaintenanceStage.CALCULATOR),
        new TestSteps.Effect(MaintenanceStage.NOTIFICATIONS)));
    MaintenanceWorker worker = f.bean(MaintenanceWorker.class);
    ClaimedChunk c = worker.claim(f.tenant, "node-a").orElseThrow();
    assertThat(worker.process(f.tenant, c, "node-a", pipeline)).isEqualTo(new ChunkOutcome(c.chunk().id(), 2, 1, 0));

    Map<String, Object> error = f.sql.sql("SELECT loan_id, step, error, run_id FROM dm_loan_error").query().singleRow();
    assertThat(error).containsEntry("loan_id", bad).containsEntry("step", "throwing-rules")
        .containsEntry("run_id", c.run().id());
    assertThat((String) error.get("error")).contains("rule blew up on loan " + bad);
    // The failed loan's calculator write (made before the rule threw) is dropped; later stages skip it.
    assertThat(TestSteps.effects(f.sql, bad)).isZero();
    assertThat(f.lastMaintained(bad)).isNull();
    for (long ok : List.of(ids.get(0), ids.get(2))) {
      assertThat(TestSteps.effects(f.sql, ok)).isEqualTo(2);
      assertThat(f.lastMaintained(ok)).isEqualTo(f.today());
    }
    f.bean(MaintenanceCompleter.class).tryComplete(f.tenant, c.run().id());
    DmStats s = f.sql.sql("SELECT * FROM dm_stats_entity").query(DmStatsRepository::map).single();
    assertThat(s.maintainedLoans()).isEqualTo(2);
    assertThat(s.failedLoans()).isEqualTo(1);
    assertThat(f.run(f.today()).state()).isEqualTo(RunState.COMPLETED);
    // Not maintained for that day, it is eligible again for the next.
    LocalDate next = f.today().plusDays(1);
    assertThat(f.sql.sql("SELECT count(*) FROM loan l WHERE l.id = ? AND " + Eligibility.LOAN_IS_ELIGIBLE)
        .params(bad, java.sql.Timestamp.from(java.time.Instant.now()), next,
            java.sql.Timestamp.from(java.time.Instant.now())).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aChunkThatKeepsFailingIsGivenUpAndTheRunFails() {
    DmFixture f = planned(4);
    DmRun run = f.run(f.today());
    DmChunk first = f.chunks(run.id()).get(0);
    int max = f.bean(MaintenanceProperties.class).maxAttempts();
    f.sql.sql("UPDATE dm_chunk SET attempts = ? WHERE id = ?").params(max, first.id()).update();
    f.bean(MaintenanceService.class).drain(f.tenant);
    assertThat(f.chunks(run.id())).extracting(DmChunk::state).containsExactly("failed", "done");
    DmRun finished = f.run(f.today());
    assertThat(finished.state()).isEqualTo(RunState.FAILED);
    assertThat(finished.detail()).contains("given up");
    DmStats s = f.sql.sql("SELECT * FROM dm_stats_entity").query(DmStatsRepository::map).single();
    assertThat(s.failedLoans()).isEqualTo(3);
    assertThat(s.maintainedLoans()).isEqualTo(1);
  }
}
