package org.openlms.app.loan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.maintenance.step.BulkTable;
import org.openlms.app.maintenance.step.ChunkContext;
import org.openlms.app.maintenance.step.DayCalculator;
import org.openlms.app.maintenance.step.MaintainedLoan;
import org.openlms.engine.fees.Charge;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.schedule.ScheduleCalculator;
import org.openlms.engine.state.Adjustment;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.LoanEvent;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.StatusSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Daily maintenance step 1 on the engine: each loan of a chunk moves from its stored state through the
 * business date (one day normally; every missed day when catching up), applying payments and charges dated in those
 * days, and writes its new state, one archive row per day, what its payments did, and its events (installment
 * due, late fee, paid off). Reads are done in bulk per chunk; the step itself is the pure engine.
 */
@Component
class LoanDayCalculator implements DayCalculator {

  /** The state row and the archive rows of a chunk go in one set-based statement each (see BulkTable). */
  static final BulkTable STATE = BulkTable.upsert("loan_state", LoanStateRows.COLUMNS, List.of("loan_id"));
  static final BulkTable ARCHIVE = BulkTable.upsert("loan_status_archive", ServicingRepository.ARCHIVE_COLUMNS,
      List.of("loan_id", "date")).directWhen(LoanDayCalculator::noArchivedDays);
  /** What a quiet day changes in the state row (see DayStep): only these columns are sent for such a loan. */
  static final BulkTable STATE_DAY = BulkTable.update("loan_state", List.of("loan_id", "as_of", "unposted_interest",
      "interest_accrued_today", "date_last_current", "date_last_current_30", "first_delinquency_date",
      "unique_delinquencies", "delinquent_days"), List.of("bigint", "date", "numeric", "numeric", "date", "date",
      "date", "integer", "integer"));
  private static final int[] STATE_DAY_INDEX = STATE_DAY.columns().stream().mapToInt(LoanStateRows.COLUMNS::indexOf)
      .toArray();
  private static final boolean[] IS_DAY_COLUMN = new boolean[LoanStateRows.COLUMNS.size()];

  static {
    for (int i : STATE_DAY_INDEX) {
      IS_DAY_COLUMN[i] = true;
    }
  }

  static final BulkTable HINT = BulkTable.upsert("loan_schedule_hint", ScheduleHints.COLUMNS, List.of("loan_id"));

  /**
   * Setup, state and hint of every loan in an id range, in one statement: each table read along its primary key over
   * the range (a chunk is a range of ids; the few loans in it that are not maintained are skipped in memory).
   */
  private static final String READ = """
      SELECT s.*, st.*, h.terms_key, h.size, h.installments FROM loan_setup s
        LEFT JOIN loan_state st ON st.loan_id = s.loan_id AND st.loan_id BETWEEN ? AND ?
        LEFT JOIN loan_schedule_hint h ON h.loan_id = s.loan_id AND h.loan_id BETWEEN ? AND ?
      WHERE s.loan_id BETWEEN ? AND ?""";

  @Override
  public DayBatch prepare(ChunkContext chunk) {
    List<MaintainedLoan> live = chunk.liveLoans();
    long[] ids = live.stream().mapToLong(MaintainedLoan::id).sorted().toArray();
    long first = ids[0];
    long last = ids[ids.length - 1];
    JdbcClient db = chunk.reads();
    Map<Long, Loan> loans = new HashMap<>(ids.length * 2);
    db.sql(READ).params(first, last, first, last, first, last).query(rs -> {
      long id = rs.getLong(1);
      if (java.util.Arrays.binarySearch(ids, id) < 0) {
        return;
      }
      LoanSetup setup = LoanSetupRows.map(rs, 0);
      long termsKey = ScheduleHints.key(setup.terms());
      long hintKey = rs.getLong("terms_key");
      ScheduleHints.Hint hint = rs.wasNull() ? null
          : ScheduleHints.parse(hintKey, rs.getInt("size"), rs.getString("installments"));
      // Each loan's own schedule (never shared between loans, so a benchmark on seeded loans, which repeat a thousand
      // kinds of terms, costs what a real portfolio of distinct loans costs): deferred on its hint when it has one.
      LoanState state = rs.getObject("as_of") == null ? null : LoanStateRows.map(rs,
          ScheduleHints.schedule(setup.terms(), termsKey, hint, rs.getInt("next_index")));
      loans.put(id, new Loan(setup, state, termsKey, hint));
    });
    // Only payments, charges and adjustments the stored state has not seen yet: dated after its day, up to the
    // business date (a loan without a state has none). One range scan of each table's (loan_id, date) index over the
    // chunk, from the earliest state's day, instead of a probe per loan; each loan then keeps those after its own day.
    LocalDate since = loans.values().stream().filter(l -> l.state() != null).map(l -> l.state().date())
        .min(LocalDate::compareTo).orElse(null);
    if (since != null && since.isBefore(chunk.businessDate())) {
      Object[] window = {first, last, since, chunk.businessDate()};
      db.sql("""
              SELECT p.* FROM loan_payment p WHERE p.loan_id BETWEEN ? AND ? AND p.date > ? AND p.date <= ?
                AND p.active ORDER BY p.loan_id, p.date, p.id""")
          .params(window).query(ServicingRepository::payment).list()
          .forEach(p -> {
            Loan l = unseen(loans, p.loanId(), p.date());
            if (l != null) {
              l.payments().add(p);
            }
          });
      db.sql("""
              SELECT c.*, t.code AS type_code FROM loan_charge c JOIN charge_type t ON t.id = c.charge_type_id
              WHERE c.loan_id BETWEEN ? AND ? AND c.date > ? AND c.date <= ? AND c.active
              ORDER BY c.loan_id, c.date, c.id""")
          .params(window).query(ChargeRecord::map).list()
          .forEach(c -> {
            Loan l = unseen(loans, c.loanId(), c.date());
            if (l != null) {
              l.charges().add(c.engine());
            }
          });
      db.sql("""
              SELECT a.* FROM loan_adjustment a WHERE a.loan_id BETWEEN ? AND ? AND a.date > ? AND a.date <= ?
              ORDER BY a.loan_id, a.date, a.id""")
          .params(window).query(rs -> {
            Loan l = unseen(loans, rs.getLong("loan_id"), rs.getObject("date", LocalDate.class));
            if (l != null) {
              l.adjustments().add(ServicingRepository.adjustment(rs, 0));
            }
          });
    }
    return (loan, ctx) -> {
      Loan l = loans.get(loan.id());
      if (l == null) {
        throw new IllegalStateException("loan " + loan.id() + " has no LoanSetup");
      }
      step(loan, ctx, l.setup(), l.state(), l.termsKey(), l.hint(), l.payments(), l.charges(), l.adjustments());
    };
  }

  /** What the chunk read of one loan; payments, charges and adjustments are those after its stored state's day. */
  private record Loan(LoanSetup setup, LoanState state, long termsKey, ScheduleHints.Hint hint,
      List<PaymentRecord> payments, List<Charge> charges, List<Adjustment> adjustments) {
    Loan(LoanSetup setup, LoanState state, long termsKey, ScheduleHints.Hint hint) {
      this(setup, state, termsKey, hint, new ArrayList<>(0), new ArrayList<>(0), new ArrayList<>(0));
    }
  }

  /** The chunk's loan if it has a stored state from before {@code date}; null if not maintained or already seen. */
  private static Loan unseen(Map<Long, Loan> loans, long loanId, LocalDate date) {
    Loan l = loans.get(loanId);
    return l != null && l.state() != null && date.isAfter(l.state().date()) ? l : null;
  }

  private static void step(MaintainedLoan loan, ChunkContext ctx, LoanSetup setup, LoanState stored, long termsKey,
      ScheduleHints.Hint hint, List<PaymentRecord> payments, List<Charge> charges, List<Adjustment> adjustments) {
    LoanState from = stored != null ? stored : LoanState.open(ScheduleCalculator.forServicing(setup.terms()));
    LocalDate through = ctx.businessDate();
    if (!from.date().isBefore(through)) {
      // Already brought to this day (e.g. activated today); the guard still records the day.
      ctx.attach(loan.id(), StatusSnapshot.class, StatusSnapshot.of(from, CalcSettings.DEFAULT));
      ctx.attach(loan.id(), MaintainedDay.class, new MaintainedDay(loan.id(), null, from, List.of(), List.of(), List.of()));
      return;
    }
    // No streams for the usual empty lists: this runs for every loan every night.
    List<PaymentRecord> due = payments.isEmpty() ? List.of()
        : payments.stream().filter(p -> p.date().isAfter(from.date())).toList();
    List<Payment> engine = due.isEmpty() ? List.of() : due.stream().map(LoanServicing::engine).toList();
    List<DayRow> rows = Replayer.replayFrom(from, CalcSettings.DEFAULT, engine, charges, adjustments, through);
    long id = loan.id();
    int applied = 0;
    for (DayRow r : rows) {
      ctx.bulk(id, ARCHIVE, ServicingRepository.archiveValues(id, r.status()));
      for (var a : r.payments()) {
        PaymentRecord p = due.get(applied++);
        ctx.write(id, ServicingRepository.APPLIED_UPDATE, a.fees(), a.interest(), a.principal(), p.id());
      }
      for (LoanEvent e : r.events()) {
        ctx.event(id, eventName(e), eventPayload(e));
      }
    }
    DayRow last = rows.get(rows.size() - 1);
    Object[] state = LoanStateRows.values(id, last.state());
    if (stored != null && onlyDayColumnsChanged(LoanStateRows.values(id, stored), state)) {
      Object[] day = new Object[STATE_DAY_INDEX.length];
      for (int i = 0; i < day.length; i++) {
        day[i] = state[STATE_DAY_INDEX[i]];
      }
      ctx.bulk(id, STATE_DAY, day);
    } else {
      ctx.bulk(id, STATE, state);
    }
    Object[] hintRow = ScheduleHints.rowIfChanged(id, last.state(), termsKey, hint);
    if (hintRow != null) {
      ctx.bulk(id, HINT, hintRow);
    }
    ctx.attach(id, StatusSnapshot.class, last.status()); // what the automation engine's rules see
    // What the automation engine needs to compute the day again with a charge it adds.
    LoanState dayBefore = rows.size() > 1 ? rows.get(rows.size() - 2).state() : from;
    ctx.attach(id, MaintainedDay.class, new MaintainedDay(id, dayBefore, last.state(), due, charges, adjustments));
  }

  /** Whether the state row changed in no column but those {@link #STATE_DAY} writes (exact, scale included). */
  private static boolean onlyDayColumnsChanged(Object[] before, Object[] after) {
    for (int i = 0; i < before.length; i++) {
      if (!IS_DAY_COLUMN[i] && !java.util.Objects.equals(before[i], after[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether none of the chunk's loans has an archive row on or after the earliest day it is writing: the usual night,
   * when its rows can be copied straight in. The loans are locked, so no one else adds rows meanwhile.
   */
  private static boolean noArchivedDays(JdbcClient db, List<Object[]> rows) {
    Long[] ids = rows.stream().map(r -> (Long) r[0]).distinct().toArray(Long[]::new);
    LocalDate from = rows.stream().map(r -> (LocalDate) r[1]).min(LocalDate::compareTo).orElseThrow();
    return !db.sql("SELECT EXISTS (SELECT 1 FROM loan_status_archive WHERE loan_id = ANY(?) AND date >= ?)")
        .params(ids, from).query(Boolean.class).single();
  }

  private static String eventName(LoanEvent e) {
    if (e instanceof LoanEvent.InstallmentDue) {
      return "Installment Due";
    }
    return e instanceof LoanEvent.LateFeeAssessed ? "Late Fee Assessed" : "Loan Paid Off";
  }

  private static Map<String, Object> eventPayload(LoanEvent e) {
    Map<String, Object> m = new HashMap<>();
    m.put("date", e.date().toString());
    if (e instanceof LoanEvent.InstallmentDue d) {
      m.put("installment", d.number());
      m.put("amount", d.amount().toPlainString());
    } else if (e instanceof LoanEvent.LateFeeAssessed f) {
      m.put("installment", f.number());
      m.put("amount", f.amount().toPlainString());
    }
    return m;
  }
}
