package org.openlms.app.automation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.errors.NotFoundException;
import org.openlms.app.loan.ServicingRepository;
import org.openlms.app.loan.LoanServicing;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import org.openlms.app.loan.NewCharge;
import org.openlms.engine.fees.Charge;
import org.openlms.engine.rules.CompiledRule;
import org.openlms.engine.rules.Fact;
import org.openlms.engine.rules.RuleEvaluationException;
import org.openlms.engine.rules.RuleRejectedException;
import org.openlms.engine.state.Adjustment;
import org.openlms.engine.state.StatusSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The automation engine outside daily maintenance: real-time evaluation when a loan changes through the API,
 * and the dry run, which evaluates one rule or the whole configuration against one loan on a date and answers
 * what would change without changing it.
 */
@Service
public class AutomationService {

  private final AutomationConfigs configs;
  private final TenantTransactions tx;
  private final TenantService tenants;
  private final LoanServicing servicing;

  AutomationService(AutomationConfigs configs, TenantTransactions tx, TenantService tenants, LoanServicing servicing) {
    this.configs = configs;
    this.tx = tx;
    this.tenants = tenants;
    this.servicing = servicing;
  }

  /**
   * After a change to a live loan (in the request's transaction): the rules marked real time, then stoplights
   * and warning flags, stored as daily maintenance stores them. Loans not activated, archived or deleted are left.
   */
  public void afterChange(Tenant tenant, long loanId) {
    JdbcClient db = tx.jdbc(tenant);
    AutomationConfig config = configs.current(tenant.id(), db);
    boolean live = db.sql("""
        SELECT count(*) FROM loan WHERE id = ? AND setup_active AND NOT archived AND NOT deleted AND NOT temporary_account""")
        .param(loanId).query(Long.class).single() == 1;
    if (config.isEmpty() || !live) {
      return;
    }
    LocalDate today = tenants.businessDate(tenant);
    AutomatedLoan loan = load(tenant, db, loanId, today);
    loan.charger(stored(db, loanId));
    AutomationEvaluator.all(config, loan, AutomationEvaluator.Mode.REAL_TIME);
    AutomationWriter.store(loan, today, AutomationEvaluator.Mode.REAL_TIME,
        (id, sql, params) -> db.sql(sql).params(params).update());
  }

  /**
   * An event that may fire recurring charges (in the request's transaction): {@code origination} and
   * {@code loanactivation} when a loan is activated, {@code paymentreversal} with sub-event {@code nfs},
   * {@code nachacode} or {@code nonfs} when a payment is reversed.
   */
  public void onEvent(Tenant tenant, long loanId, String event, String subEvent) {
    JdbcClient db = tx.jdbc(tenant);
    AutomationConfig config = configs.current(tenant.id(), db);
    if (config.charges().stream().noneMatch(c -> c.firesOn(event, subEvent))) {
      return;
    }
    LocalDate today = tenants.businessDate(tenant);
    AutomatedLoan loan = load(tenant, db, loanId, today);
    loan.charger(stored(db, loanId));
    AutomationEvaluator.event(config, loan, event, subEvent);
    AutomationWriter.store(loan, today, AutomationEvaluator.Mode.REAL_TIME,
        (id, sql, params) -> db.sql(sql).params(params).update());
  }

  /** What the configuration (or {@code rule} alone, when given) would do to the loan on the date; stores nothing. */
  public Map<String, Object> dryRun(Tenant tenant, long loanId, LocalDate date, String rule) {
    JdbcClient db = tx.jdbc(tenant);
    LocalDate on = date != null ? date : tenants.businessDate(tenant);
    AutomatedLoan loan = load(tenant, db, loanId, on);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("loanId", loanId);
    out.put("date", on.toString());
    if (rule != null) {
      CompiledRule compiled = compile("rule", rule);
      try {
        out.put("result", compiled.test(loan.facts()));
      } catch (RuleEvaluationException e) {
        out.put("error", e.getMessage());
      }
    } else {
      // Charges and adjustments are computed into the loan's status as if put on, and nothing is stored.
      List<Charge> extra = new java.util.ArrayList<>();
      List<Adjustment> adjustments = new java.util.ArrayList<>();
      loan.charger(new AutomatedLoan.Charger() {
        @Override
        public StatusSnapshot charge(NewCharge c, String source, long sourceId) {
          extra.add(new Charge(0, c.date(), c.amount(), "charge.types.other"));
          return servicing.statusOn(db, loanId, c.date(), extra, adjustments);
        }

        @Override
        public StatusSnapshot adjust(LocalDate date, Adjustment.Kind kind, String source, long sourceId) {
          adjustments.add(new Adjustment(0, date, kind));
          return servicing.statusOn(db, loanId, date, extra, adjustments);
        }
      });
      AutomationEvaluator.all(configs.current(tenant.id(), db), loan, AutomationEvaluator.Mode.DAILY_MAINTENANCE);
      out.put("applied", loan.applied().stream().map(a -> Map.of("source", a.source(), "id", a.sourceId(),
          "name", a.name(), "changes", a.changes())).toList());
      out.put("errors", loan.failures().stream().map(f -> Map.of("source", f.source(), "id", f.sourceId(),
          "name", f.name(), "message", f.message())).toList());
    }
    out.put("facts", facts(loan));
    return out;
  }

  /**
   * The stoplight "force": every live loan of the tenant is evaluated again now, from its latest archived
   * status, in batches of 1,000 loans a transaction. Manual stoplights stay. Returns the loans evaluated.
   */
  public long forceStoplights(Tenant tenant) {
    LocalDate today = tenants.businessDate(tenant);
    return forEachLiveLoan(tenant, (db, config, loan) -> {
      AutomationEvaluator.stoplight(config, loan);
      AutomationWriter.store(loan, today, AutomationEvaluator.Mode.REAL_TIME,
          (id, sql, params) -> db.sql(sql).params(params).update());
    });
  }

  /** What forcing a rule did: the loans it was evaluated on and those it changed. */
  public record Forced(long evaluated, long changed) {}

  /**
   * Forces one automation rule (LoanPro's "force" of a rule application): it is evaluated now on every live loan
   * it enrolls, whether it is marked for daily maintenance or real time, from each loan's latest archived status,
   * and what it changes is stored and logged (mode {@code force}). The rule's {@code forcing} reads 1 meanwhile.
   */
  public Forced forceRule(Tenant tenant, long ruleId) {
    tx.inTransaction(tenant, db -> {
      Boolean enabled = db.sql("SELECT enabled FROM automation_rule WHERE id = ?").param(ruleId).query(Boolean.class)
          .optional().orElseThrow(() -> new NotFoundException("AutomationRules"));
      if (!enabled) {
        throw new InvalidInputException("AutomationRules(" + ruleId + ") is disabled; enable it to force it");
      }
      return db.sql("UPDATE automation_rule SET forcing = true WHERE id = ?").param(ruleId).update();
    });
    LocalDate today = tenants.businessDate(tenant);
    long[] changed = {0};
    try {
      long evaluated = forEachLiveLoan(tenant, (db, config, loan) -> {
        AutomationConfig.Rule rule = config.rules().stream().filter(r -> r.id() == ruleId).findFirst()
            .orElseThrow(() -> new InvalidInputException("AutomationRules(" + ruleId + ") changed while forced"));
        loan.charger(stored(db, loan.id()));
        AutomationEvaluator.rule(rule, loan);
        changed[0] += loan.applied().isEmpty() ? 0 : 1;
        AutomationWriter.store(loan, today, AutomationEvaluator.Mode.FORCE,
            (id, sql, params) -> db.sql(sql).params(params).update());
      });
      return new Forced(evaluated, changed[0]);
    } finally {
      tx.inTransaction(tenant, db -> db.sql("UPDATE automation_rule SET forcing = false WHERE id = ?").param(ruleId)
          .update());
    }
  }

  /** Work on one live loan, with its batch's transaction and the configuration in force. */
  @FunctionalInterface
  private interface LoanWork {
    void on(JdbcClient db, AutomationConfig config, AutomatedLoan loan);
  }

  /**
   * Every live loan of the tenant, from its latest archived status, in batches of 1,000 loans a transaction, each
   * batch's loans locked (a night's chunk holding them is waited for). Returns the loans visited.
   */
  private long forEachLiveLoan(Tenant tenant, LoanWork work) {
    LocalDate today = tenants.businessDate(tenant);
    long after = 0;
    long done = 0;
    while (true) {
      long from = after;
      List<Long> ids = tx.inTransaction(tenant, db -> {
        List<Long> batch = db.sql("""
            SELECT id FROM loan WHERE id > ? AND setup_active AND NOT archived AND NOT deleted
              AND NOT temporary_account ORDER BY id LIMIT 1000 FOR UPDATE""").param(from).query(Long.class).list();
        Map<Long, StatusSnapshot> status = new java.util.HashMap<>();
        db.sql("SELECT DISTINCT ON (loan_id) * FROM loan_status_archive WHERE loan_id = ANY(?) ORDER BY loan_id, date DESC")
            .param(batch.toArray(Long[]::new))
            .query((rs, n) -> status.put(rs.getLong("loan_id"), ServicingRepository.snapshot(rs, n))).list();
        AutomationConfig config = configs.current(tenant.id(), db);
        for (AutomatedLoan loan : LoanFactsReader.read(db, batch, today, status::get).values()) {
          work.on(db, config, loan);
        }
        return batch;
      });
      if (ids.isEmpty()) {
        return done;
      }
      after = ids.get(ids.size() - 1);
      done += ids.size();
    }
  }

  /** Sets a manual stoplight (it stays until cleared) or, with null, clears it so that the rules decide again. */
  public void setStoplight(Tenant tenant, long loanId, String color) {
    tx.inTransaction(tenant, db -> {
      int n = db.sql("UPDATE loan_settings SET stoplight = coalesce(?, stoplight), is_stoplight_manually_set = ? "
              + "WHERE loan_id = ? AND loan_id IN (SELECT id FROM loan WHERE NOT deleted)")
          .params(color, color != null, loanId).update();
      if (n == 0) {
        throw new NotFoundException("Loans");
      }
      db.sql("INSERT INTO automation_applied (loan_id, source, source_id, date, mode, changes) "
              + "VALUES (?, 'manual', 0, ?, 'manual', ?::jsonb)")
          .params(loanId, tenants.businessDate(tenant), color == null ? "[{\"type\":\"clearManualStoplight\"}]"
              : "[{\"type\":\"setStoplight\",\"stoplight\":\"" + color + "\"}]").update();
      return null;
    });
  }

  /** Charges and adjustments stored in the caller's transaction, the loan replayed with them. */
  private AutomatedLoan.Charger stored(JdbcClient db, long loanId) {
    return new AutomatedLoan.Charger() {
      @Override
      public StatusSnapshot charge(NewCharge c, String source, long sourceId) {
        return servicing.chargeByAutomation(db, loanId, c, source, sourceId);
      }

      @Override
      public StatusSnapshot adjust(LocalDate date, Adjustment.Kind kind, String source, long sourceId) {
        return servicing.adjustByAutomation(db, loanId, date, kind, source, sourceId);
      }
    };
  }

  /** Compiles a rule or refuses it with its positions, as a 409 naming the field. */
  public CompiledRule compile(String field, String rule) {
    try {
      return configs.compiler().compile(rule);
    } catch (RuleRejectedException e) {
      throw new InvalidInputException(field + ": " + e.getMessage());
    }
  }

  private AutomatedLoan load(Tenant tenant, JdbcClient db, long loanId, LocalDate on) {
    List<StatusSnapshot> status = servicing.statusThrough(tenant, loanId, on, on);
    StatusSnapshot s = status.isEmpty() ? null : status.get(0);
    AutomatedLoan loan = LoanFactsReader.read(db, List.of(loanId), on, id -> s).get(loanId);
    if (loan == null) {
      throw new InvalidInputException("The loan has no LoanSetup, so no rule can be evaluated on it");
    }
    return loan;
  }

  private static Map<String, Object> facts(AutomatedLoan loan) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Fact f : Fact.values()) {
      Object v = loan.facts().get(f);
      m.put(f.variable(), v instanceof java.time.Instant i ? i.toString().substring(0, 10) : v);
    }
    return m;
  }
}
