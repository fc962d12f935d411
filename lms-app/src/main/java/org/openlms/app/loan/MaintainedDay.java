package org.openlms.app.loan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openlms.app.maintenance.step.ChunkContext;
import org.openlms.engine.fees.Charge;
import org.openlms.engine.fees.ChargeApplier;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.state.Adjustment;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.StatusSnapshot;

/**
 * Charges and adjustments (stop or resume interest, reset past due) the automation engine puts on a loan during
 * daily maintenance, after the calculator brought it to the business date. The calculator leaves one of these per
 * loan with what the day started from; each change is stored dated that day and the day is computed again with
 * it, so the state, the archive row and what the day's payments paid are exactly what a later replay will compute
 * (charges and adjustments come before the day's payments: a payment pays a charge put on that day first).
 */
public final class MaintainedDay {

  private final long loanId;
  private final LoanState before;
  private final List<PaymentRecord> dueRecords;
  private final List<Charge> dueCharges;
  private final List<Adjustment> dueAdjustments;
  private LoanState after;
  // The business date's own payments, charges and adjustments: picked out of the lists above only when automation
  // changes the loan, which few loans a night need (this object is made for every maintained loan).
  private List<Payment> payments;
  private List<PaymentRecord> records;
  private List<Charge> charges;
  private List<Adjustment> adjustments;

  /**
   * @param before      the state at the end of the day before the business date, or null when the loan's state
   *                    was already on the business date before maintenance (activated today): the charge then goes
   *                    on top of that state
   * @param payments    the payments the calculator applied (the business date's among them), as their records
   * @param charges     the charges it applied (the business date's among them)
   * @param adjustments the adjustments it applied (likewise)
   */
  MaintainedDay(long loanId, LoanState before, LoanState after, List<PaymentRecord> payments, List<Charge> charges,
      List<Adjustment> adjustments) {
    this.loanId = loanId;
    this.before = before;
    this.after = after;
    this.dueRecords = payments;
    this.dueCharges = charges;
    this.dueAdjustments = adjustments;
  }

  private void pickTheDay() {
    if (records != null) {
      return;
    }
    LocalDate day = after.date();
    records = dueRecords.stream().filter(p -> p.date().equals(day)).toList();
    payments = records.stream().map(LoanServicing::engine).toList();
    charges = new ArrayList<>(dueCharges.stream().filter(c -> c.date().equals(day)).toList());
    adjustments = new ArrayList<>(dueAdjustments.stream().filter(a -> a.date().equals(day)).toList());
  }

  /** Whether interest is stopped on the loan at the end of the day as computed so far. */
  public boolean interestStopped() {
    return after.interestStopped();
  }

  /** Stores the charge (dated the business date) with the chunk and answers the loan's status after it. */
  public StatusSnapshot add(ChunkContext ctx, NewCharge c, String source, long sourceId) {
    ctx.write(loanId, ServicingRepository.CHARGE_INSERT, ServicingRepository.chargeValues(loanId, c, source, sourceId));
    Charge charge = new Charge(0, c.date(), c.amount(), "charge.types.other");
    pickTheDay();
    charges.add(charge);
    return recompute(ctx, ChargeApplier.applyTo(after, charge));
  }

  /** Stores the adjustment (dated the business date) with the chunk and answers the loan's status after it. */
  public StatusSnapshot adjust(ChunkContext ctx, Adjustment.Kind kind, String source, long sourceId) {
    ctx.write(loanId, ServicingRepository.ADJUSTMENT_INSERT, loanId, after.date(), kind.name(), source, sourceId);
    Adjustment adjustment = new Adjustment(0, after.date(), kind);
    pickTheDay();
    adjustments.add(adjustment);
    return recompute(ctx, adjustment.applyTo(after));
  }

  /**
   * The day again with every change so far; {@code onTop} is the state with the latest change put on top of the
   * day's end, used when the day's start is unknown (the loan reached the business date before maintenance).
   */
  private StatusSnapshot recompute(ChunkContext ctx, LoanState onTop) {
    DayRow row;
    if (before == null) {
      row = new DayRow(after.date(), onTop, StatusSnapshot.of(onTop, CalcSettings.DEFAULT), List.of(), List.of(),
          List.of(), List.of());
    } else {
      row = Replayer.replayFrom(before, CalcSettings.DEFAULT, payments, charges, adjustments, after.date()).get(0);
      for (int i = 0; i < row.payments().size(); i++) {
        var a = row.payments().get(i);
        ctx.write(loanId, ServicingRepository.APPLIED_UPDATE, a.fees(), a.interest(), a.principal(), records.get(i).id());
      }
    }
    after = row.state();
    // The whole state row now: a narrower quiet-day update left by the calculator would write the old day back.
    ctx.dropBulk(loanId, LoanDayCalculator.STATE_DAY);
    ctx.rebulk(loanId, LoanDayCalculator.ARCHIVE, 2, ServicingRepository.archiveValues(loanId, row.status()));
    ctx.rebulk(loanId, LoanDayCalculator.STATE, 1, LoanStateRows.values(loanId, row.state()));
    return row.status();
  }
}
