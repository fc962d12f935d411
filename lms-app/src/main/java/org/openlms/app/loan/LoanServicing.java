package org.openlms.app.loan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openlms.app.audit.AuditLog;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.errors.NotFoundException;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantTransactions;
import org.openlms.engine.fees.Charge;
import org.openlms.engine.payment.ExtraTowards;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.payment.Waterfall;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.schedule.DueDates;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.schedule.ScheduleCalculator;
import org.openlms.engine.state.Adjustment;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.LoanEvent;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.StatusSnapshot;
import org.openlms.engine.terms.DueDateChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Payments, charges and what follows from them. The terms and the active payments and charges are the truth; the
 * loan's state and its reverse-calculated archive are derived by the engine's replay. A payment or charge dated
 * on or before the day the state has reached (or a reversal) replays the loan from the start and rewrites the
 * archive from that date, so the result equals a loan that had it from the start; a later-dated one waits for
 * daily maintenance to reach its day. Every change runs under the loan's row lock, which daily maintenance takes
 * too, so a payment or charge and the nightly step of the same loan happen one after the other, never interleaved.
 */
@Service
public class LoanServicing {

  private final TenantTransactions tx;
  private final LoanRepository loans;
  private final ServicingRepository servicing;
  private final AuditLog audit;

  LoanServicing(TenantTransactions tx, LoanRepository loans, ServicingRepository servicing, AuditLog audit) {
    this.tx = tx;
    this.loans = loans;
    this.servicing = servicing;
    this.audit = audit;
  }

  /** The state before the contract date, and no archive: used when a loan is created or its terms change. */
  void initialize(JdbcClient db, long loanId, LoanSetup setup) {
    servicing.clearArchive(db, loanId);
    servicing.saveState(db, loanId, LoanState.open(ScheduleCalculator.forServicing(setup.terms())));
  }

  /** Brings a loan's state and archive forward through {@code through} (e.g. today, at activation). */
  void bringForward(JdbcClient db, long loanId, LocalDate through) {
    Loaded l = load(db, loanId);
    if (l.state.date().isBefore(through)) {
      List<DayRow> rows = Replayer.replayFrom(l.state, CalcSettings.DEFAULT, engine(l.payments),
          engineCharges(l.charges), l.adjustments, through);
      persist(db, loanId, l.state.date().plusDays(1), rows, l.payments);
    }
  }

  public List<Long> logPayments(Tenant tenant, long loanId, List<NewPayment> payments, String actor) {
    return tx.inTransaction(tenant, db -> {
      Loan loan = loans.lock(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
      LoanSetup setup = loans.setup(db, loanId).orElseThrow();
      List<Long> ids = new ArrayList<>();
      LocalDate earliest = null;
      for (NewPayment p : payments) {
        if (p.date().isBefore(setup.terms().contractDate())) {
          throw new InvalidInputException("Payments.date: " + p.date() + " is before the contract date "
              + setup.terms().contractDate());
        }
        ids.add(servicing.insertPayment(db, loanId, p));
        earliest = earliest == null || p.date().isBefore(earliest) ? p.date() : earliest;
      }
      replayIfReached(db, loanId, earliest);
      audit.record(db, actor, "Loan", loan.id(), "payments", Map.of("paymentIds", ids));
      return ids;
    });
  }

  public void reversePayment(Tenant tenant, long loanId, long paymentId, String reason, LocalDate on, String actor) {
    tx.inTransaction(tenant, db -> {
      loans.lock(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
      PaymentRecord p = servicing.payments(db, loanId).stream().filter(x -> x.id() == paymentId).findFirst()
          .orElseThrow(() -> new NotFoundException("Payments"));
      if (!p.active()) {
        throw new InvalidInputException("Payment " + paymentId + " is already reversed");
      }
      servicing.reverse(db, paymentId, reason, on);
      replayIfReached(db, loanId, p.date());
      audit.record(db, actor, "Loan", loanId, "reversePayment", Map.of("paymentId", paymentId, "reason", reason));
      return null;
    });
  }

  /**
   * Puts charges on a loan, dated from its contract date through the business date. One dated on or before the
   * day the loan's state has reached replays the loan and rewrites its archive from that date; a later one
   * (the state is behind the business date) is applied by daily maintenance when it reaches that day.
   */
  public List<Long> logCharges(Tenant tenant, long loanId, List<NewCharge> charges, LocalDate businessDate,
      String actor) {
    return tx.inTransaction(tenant, db -> {
      Loan loan = loans.lock(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
      LocalDate contract = loans.setup(db, loanId).orElseThrow().terms().contractDate();
      Set<Integer> types = servicing.chargeTypes(db);
      List<Long> ids = new ArrayList<>();
      LocalDate earliest = null;
      for (int i = 0; i < charges.size(); i++) {
        NewCharge c = charges.get(i);
        String field = "Charges[" + i + "].";
        if (!types.contains(c.chargeTypeId())) {
          throw new InvalidInputException(field + "chargeTypeId: " + c.chargeTypeId() + " is not a charge type of "
              + "this tenant (one of " + new TreeSet<>(types) + ")");
        }
        if (c.date().isBefore(contract)) {
          throw new InvalidInputException(field + "date: " + c.date() + " is before the contract date " + contract);
        }
        if (c.date().isAfter(businessDate)) {
          throw new InvalidInputException(field + "date: " + c.date() + " is after the business date " + businessDate);
        }
        ids.add(servicing.insertCharge(db, loanId, c));
        earliest = earliest == null || c.date().isBefore(earliest) ? c.date() : earliest;
      }
      replayIfReached(db, loanId, earliest);
      audit.record(db, actor, "Loan", loan.id(), "charges", Map.of("chargeIds", ids));
      return ids;
    });
  }

  /** Reverses (voids) a charge: the loan is replayed from its date as if it had never been charged. */
  public void reverseCharge(Tenant tenant, long loanId, long chargeId, String comment, String actor) {
    tx.inTransaction(tenant, db -> {
      loans.lock(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
      ChargeRecord c = servicing.charges(db, loanId).stream().filter(x -> x.id() == chargeId).findFirst()
          .orElseThrow(() -> new NotFoundException("Charges"));
      if (!c.active()) {
        throw new InvalidInputException("Charge " + chargeId + " is already reversed");
      }
      servicing.reverseCharge(db, chargeId, comment);
      replayIfReached(db, loanId, c.date());
      audit.record(db, actor, "Loan", loanId, "reverseCharge", Map.of("chargeId", chargeId));
      return null;
    });
  }

  /**
   * Adjustments put on by hand ({@code name} StopInterestDates or APDAdjustments, for messages), each dated from
   * the contract date to the business date; a back-dated one replays the loan from its date. Removals name
   * adjustments of the loan put on by hand; one a rule put on stays with the rule's log.
   */
  public void adjust(Tenant tenant, long loanId, String name, List<NewAdjustment> added, List<Long> removed,
      LocalDate businessDate, String actor) {
    tx.inTransaction(tenant, db -> {
      loans.lock(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
      LocalDate contract = loans.setup(db, loanId).orElseThrow().terms().contractDate();
      LocalDate earliest = null;
      for (int i = 0; i < removed.size(); i++) {
        long id = removed.get(i);
        var row = db.sql("SELECT date, source FROM loan_adjustment WHERE id = ? AND loan_id = ?").params(id, loanId)
            .query((rs, n) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getString(2)}).optional()
            .orElseThrow(() -> new NotFoundException(name));
        if (row[1] != null) {
          throw new InvalidInputException(name + "[" + i + "]: adjustment " + id + " was put on by a " + row[1]
              + "; it stays with the rule's log");
        }
        db.sql("DELETE FROM loan_adjustment WHERE id = ?").param(id).update();
        earliest = earliest == null || ((LocalDate) row[0]).isBefore(earliest) ? (LocalDate) row[0] : earliest;
      }
      for (int i = 0; i < added.size(); i++) {
        NewAdjustment a = added.get(i);
        if (a.date().isBefore(contract) || a.date().isAfter(businessDate)) {
          throw new InvalidInputException(name + "[" + i + "].date: " + a.date() + " is not between the contract date "
              + contract + " and the business date " + businessDate);
        }
        db.sql(ServicingRepository.ADJUSTMENT_INSERT).params(loanId, a.date(), a.kind().name(), null, null).update();
        earliest = earliest == null || a.date().isBefore(earliest) ? a.date() : earliest;
      }
      replayIfReached(db, loanId, earliest);
      audit.record(db, actor, "Loan", loanId, "adjustments", Map.of("set", name, "added", added.size(),
          "removed", removed));
      return null;
    });
  }

  /**
   * Moves due dates of an active loan (LoanPro's DueDateChanges): each moves one due date still to come, and those
   * after it follow the new date. Removals take back the latest changes, newest first (an earlier change cannot go
   * while a later one, made on the schedule it left, stays). The loan is replayed through the day its state has
   * reached, since its state holds the next due date, and its archive rewritten from the earliest change's date.
   * Answers the ids added.
   */
  public List<Long> changeDueDates(Tenant tenant, long loanId, List<NewDueDateChange> added, List<Long> removed,
      LocalDate businessDate, String actor) {
    return tx.inTransaction(tenant, db -> {
      Loan loan = loans.lock(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
      if (!loan.setupActive()) {
        throw new InvalidInputException("DueDateChanges: the loan is not active; change its LoanSetup instead");
      }
      LoanSetup setup = loans.setup(db, loanId).orElseThrow();
      List<Long> ids = new ArrayList<>();
      List<LocalDate> changedDates = new ArrayList<>();
      db.sql("SELECT id, changed_date FROM loan_due_date_change WHERE loan_id = ? ORDER BY id").param(loanId)
          .query(rs -> {
            ids.add(rs.getLong(1));
            changedDates.add(rs.getObject(2, LocalDate.class));
          });
      List<DueDateChange> changes = new ArrayList<>(setup.terms().dueDateChanges());
      LocalDate earliest = null;
      for (int i = 0; i < removed.size(); i++) {
        long id = removed.get(i);
        if (!ids.contains(id)) {
          throw new NotFoundException("DueDateChanges");
        }
        if (ids.get(ids.size() - 1) != id) {
          throw new InvalidInputException("DueDateChanges[" + i + "]: change " + id + " is not the latest of this "
              + "loan; remove the later ones first (" + ids.subList(ids.indexOf(id) + 1, ids.size()) + ")");
        }
        db.sql("DELETE FROM loan_due_date_change WHERE id = ?").param(id).update();
        LocalDate on = changedDates.remove(changedDates.size() - 1);
        earliest = earliest == null || on.isBefore(earliest) ? on : earliest;
        ids.remove(ids.size() - 1);
        changes.remove(changes.size() - 1);
      }
      LocalDate contract = setup.terms().contractDate();
      List<Long> addedIds = new ArrayList<>();
      for (int i = 0; i < added.size(); i++) {
        NewDueDateChange a = added.get(i);
        String field = "DueDateChanges[" + i + "].";
        LocalDate on = a.changedDate() == null ? businessDate : a.changedDate();
        if (on.isBefore(contract) || on.isAfter(businessDate)) {
          throw new InvalidInputException(field + "changedDate: " + on + " is not between the contract date "
              + contract + " and the business date " + businessDate);
        }
        if (!changedDates.isEmpty() && on.isBefore(changedDates.get(changedDates.size() - 1))) {
          throw new InvalidInputException(field + "changedDate: " + on + " is before the loan's latest due date "
              + "change (" + changedDates.get(changedDates.size() - 1) + ")");
        }
        Schedule current = ScheduleCalculator.forServicing(setup.terms().toBuilder().dueDateChanges(changes).build());
        DueDateChange c;
        try {
          c = DueDates.change(current, on, a.originalDate(), a.newDate(), a.dueDateOnLastDOM());
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(field + e.getMessage());
        }
        changes.add(c);
        changedDates.add(on);
        addedIds.add(db.sql("INSERT INTO loan_due_date_change (loan_id, installment, original_date, new_date, "
                + "changed_date, due_date_on_last_dom) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
            .params(loanId, c.index(), c.originalDate(), c.newDate(), on, c.dueDateOnLastDOM())
            .query(Long.class).single());
        earliest = earliest == null || on.isBefore(earliest) ? on : earliest;
      }
      db.sql("UPDATE loan_setup SET due_date_changes = ? WHERE loan_id = ?")
          .params(LoanSetupRows.dueDateChangesText(changes), loanId).update();
      if (earliest != null) {
        Loaded l = load(db, loanId);
        if (l.state.date().isBefore(contract)) {
          servicing.saveState(db, loanId, LoanState.open(l.schedule));
        } else {
          persist(db, loanId, earliest, replay(l, l.state.date()), l.payments);
        }
      }
      audit.record(db, actor, "Loan", loanId, "dueDateChanges", Map.of("added", addedIds, "removed", removed));
      return addedIds;
    });
  }

  /** The reverse calculation: recompute from the start through the state's day; rewrite from {@code from}. */
  private void replayIfReached(JdbcClient db, long loanId, LocalDate from) {
    Loaded l = load(db, loanId);
    if (from == null || from.isAfter(l.state.date())) {
      return; // daily maintenance applies it when it reaches that day
    }
    persist(db, loanId, from, replay(l, l.state.date()), l.payments);
  }

  private void persist(JdbcClient db, long loanId, LocalDate from, List<DayRow> rows, List<PaymentRecord> payments) {
    if (rows.isEmpty()) {
      return;
    }
    servicing.saveState(db, loanId, rows.get(rows.size() - 1).state());
    List<StatusSnapshot> archive = rows.stream().filter(r -> !r.date().isBefore(from)).map(DayRow::status).toList();
    servicing.rewriteArchive(db, loanId, from, archive);
    // Record what each replayed payment did, in the order the engine applied them.
    List<PaymentRecord> active = payments.stream().filter(PaymentRecord::active).toList();
    for (DayRow r : rows) {
      List<PaymentRecord> sameDay = active.stream().filter(p -> p.date().equals(r.date())).toList();
      for (int i = 0; i < r.payments().size() && i < sameDay.size(); i++) {
        servicing.setApplied(db, sameDay.get(i).id(), r.payments().get(i));
      }
    }
  }

  /**
   * A charge put by the automation engine outside daily maintenance (a real-time rule, or a recurring charge on
   * an event), in the caller's transaction: stored, the loan replayed from its date if its state has reached
   * it, and the loan's status on the charge's date answered for the rules that follow.
   */
  public StatusSnapshot chargeByAutomation(JdbcClient db, long loanId, NewCharge c, String source, long sourceId) {
    db.sql(ServicingRepository.CHARGE_INSERT).params(ServicingRepository.chargeValues(loanId, c, source, sourceId))
        .update();
    replayIfReached(db, loanId, c.date());
    return statusOn(db, loanId, c.date(), List.of(), List.of());
  }

  /**
   * An adjustment put by an automation rule outside daily maintenance, in the caller's transaction: stored, the
   * loan replayed from its date if its state has reached it, and the loan's status on that date answered.
   */
  public StatusSnapshot adjustByAutomation(JdbcClient db, long loanId, LocalDate date, Adjustment.Kind kind,
      String source, long sourceId) {
    db.sql(ServicingRepository.ADJUSTMENT_INSERT).params(loanId, date, kind.name(), source, sourceId).update();
    replayIfReached(db, loanId, date);
    return statusOn(db, loanId, date, List.of(), List.of());
  }

  /** The loan's status on {@code on}, with extra charges and adjustments as if put on (nothing is stored). */
  public StatusSnapshot statusOn(JdbcClient db, long loanId, LocalDate on, List<Charge> extra,
      List<Adjustment> extraAdjustments) {
    Loaded l = load(db, loanId);
    List<Charge> charges = new ArrayList<>(engineCharges(l.charges));
    charges.addAll(extra);
    List<Adjustment> adjustments = new ArrayList<>(l.adjustments);
    adjustments.addAll(extraAdjustments);
    List<DayRow> rows = Replayer.fromStart(l.schedule, CalcSettings.DEFAULT, engine(l.payments), charges,
        adjustments, on);
    return rows.isEmpty() ? null : rows.get(rows.size() - 1).status();
  }

  /** The loan's status on any date, computed now from terms, payments and charges (nothing is stored). */
  public List<StatusSnapshot> statusThrough(Tenant tenant, long loanId, LocalDate from, LocalDate through) {
    JdbcClient db = tx.jdbc(tenant);
    loans.find(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
    Loaded l = load(db, loanId);
    if (through.isBefore(l.schedule.terms().contractDate())) {
      throw new InvalidInputException("The date is before the contract date " + l.schedule.terms().contractDate());
    }
    return replay(l, through).stream().filter(r -> !r.date().isBefore(from)).map(DayRow::status).toList();
  }

  /**
   * The loan's transactions: what happened up to the day its state has reached (replayed from the start, so
   * each row carries the balance after it), then the installments still scheduled. Within a day: late fees,
   * charges, payments, the order the engine applies them in.
   */
  public List<LoanTransaction> transactions(Tenant tenant, long loanId) {
    JdbcClient db = tx.jdbc(tenant);
    loans.find(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
    Loaded l = load(db, loanId);
    LocalDate reached = l.state.date();
    List<LoanTransaction> out = new ArrayList<>();
    var terms = l.schedule.terms();
    out.add(new LoanTransaction(loanId + "-0-info-origin", "origination", "Origination", terms.contractDate(), 0,
        null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        terms.loanAmount(), false, true));
    List<PaymentRecord> active = l.payments.stream().filter(PaymentRecord::active).toList();
    Map<Long, ChargeRecord> charges = new HashMap<>();
    l.charges.forEach(c -> charges.put(c.id(), c));
    if (!reached.isBefore(terms.contractDate())) {
      int paid = 0;
      for (DayRow r : replay(l, reached)) {
        int period = Math.min(r.state().nextIndex() + 1, l.schedule.size());
        BigDecimal balance = r.state().principalBalance();
        for (var e : r.events()) {
          if (e instanceof LoanEvent.LateFeeAssessed f) {
            out.add(new LoanTransaction(loanId + "-0-chg" + f.number() + "-" + r.date(), "charge.latefee",
                "Late Fee", r.date(), f.number(), null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, f.amount(), balance, false, false));
          }
        }
        for (var c : r.charges()) {
          ChargeRecord record = charges.get(c.id());
          out.add(new LoanTransaction(loanId + "-0-charge" + c.id(), chargeType(c.typeCode()),
              record.info() == null || record.info().isBlank() ? chargeTitle(c.typeCode()) : record.info(),
              c.date(), period, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
              c.amount(), balance, false, false));
        }
        for (var a : r.payments()) {
          PaymentRecord p = active.get(paid++);
          out.add(new LoanTransaction(loanId + "-0-pay" + p.id(), "payment", "Payment: " + (p.info() == null ? ""
              : p.info()), p.date(), period, null, null, p.id(), p.amount(), a.interest(), a.principal(), a.fees(),
              BigDecimal.ZERO, balance, false, false));
        }
      }
    }
    for (var i : l.schedule.installments()) {
      if (i.dueDate().isAfter(reached)) {
        out.add(new LoanTransaction(loanId + "-0-spm" + i.number(), "scheduledPayment", "Scheduled Payment",
            i.dueDate(), i.number(), i.periodStart(), i.dueDate(), null, i.payment(), i.interest(), i.principal(),
            BigDecimal.ZERO, BigDecimal.ZERO, i.balance(), true, false));
      }
    }
    return out;
  }

  /** LoanPro lists a late fee as {@code charge.latefee}; other charges are {@code fee} transactions. */
  static String chargeType(String typeCode) {
    return "charge.types.late".equals(typeCode) ? "charge.latefee" : "fee";
  }

  private static String chargeTitle(String typeCode) {
    return switch (typeCode) {
      case "charge.types.late" -> "Late Fee";
      case "charge.types.nsf" -> "NSF Fee";
      default -> "Charge";
    };
  }

  public List<PaymentRecord> payments(Tenant tenant, long loanId) {
    JdbcClient db = tx.jdbc(tenant);
    loans.find(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
    return servicing.payments(db, loanId);
  }

  public List<ChargeRecord> charges(Tenant tenant, long loanId) {
    JdbcClient db = tx.jdbc(tenant);
    loans.find(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
    return servicing.charges(db, loanId);
  }

  private Loaded load(JdbcClient db, long loanId) {
    LoanSetup setup = loans.setup(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
    Schedule schedule = ScheduleCalculator.forServicing(setup.terms());
    LoanState state = servicing.state(db, loanId, schedule).orElseGet(() -> LoanState.open(schedule));
    return new Loaded(schedule, state, servicing.payments(db, loanId), servicing.charges(db, loanId),
        servicing.adjustments(db, loanId));
  }

  /** The loan from its contract date through {@code through}, with its active payments and charges. */
  private static List<DayRow> replay(Loaded l, LocalDate through) {
    return Replayer.fromStart(l.schedule, CalcSettings.DEFAULT, engine(l.payments), engineCharges(l.charges),
        l.adjustments,
        through);
  }

  static List<Charge> engineCharges(List<ChargeRecord> charges) {
    return charges.stream().filter(ChargeRecord::active).map(ChargeRecord::engine).toList();
  }

  static List<Payment> engine(List<PaymentRecord> payments) {
    return payments.stream().filter(PaymentRecord::active).map(LoanServicing::engine).toList();
  }

  static Payment engine(PaymentRecord p) {
    Waterfall waterfall = p.application() == null ? Waterfall.REGULAR : Waterfall.of(p.application().split(","));
    return new Payment(p.id(), p.date(), p.amount(), waterfall, ExtraTowards.fromCode(p.extra()), p.principalOnly());
  }

  private record Loaded(Schedule schedule, LoanState state, List<PaymentRecord> payments,
      List<ChargeRecord> charges, List<Adjustment> adjustments) {}
}
