package org.openlms.app.loan;

import java.util.ArrayList;
import java.util.List;
import org.openlms.app.maintenance.step.ChunkContext;
import org.openlms.engine.fees.Charge;
import org.openlms.engine.fees.ChargeApplier;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.StatusSnapshot;

/**
 * Charges the automation engine puts on a loan during daily maintenance, after the calculator brought it to the
 * business date. The calculator leaves one of these per loan with what the day started from; each charge is
 * stored dated that day and the day is computed again with it, so the state, the archive row and what the day's
 * payments paid are exactly what a later replay with the charge will compute (the charge comes before the day's
 * payments, which pay it first).
 */
public final class DayCharges {

  private final long loanId;
  private final LoanState before;
  private final List<Payment> payments;
  private final List<PaymentRecord> records;
  private final List<Charge> charges;
  private LoanState after;

  /**
   * @param before   the state at the end of the day before the business date, or null when the loan's state
   *                 was already on the business date before maintenance (activated today): the charge then goes
   *                 on top of that state
   * @param payments the business date's payments, as the engine applied them, and their records
   * @param charges  the business date's charges so far
   */
  DayCharges(long loanId, LoanState before, LoanState after, List<Payment> payments, List<PaymentRecord> records,
      List<Charge> charges) {
    this.loanId = loanId;
    this.before = before;
    this.after = after;
    this.payments = payments;
    this.records = records;
    this.charges = new ArrayList<>(charges);
  }

  /** Stores the charge (dated the business date) with the chunk and answers the loan's status after it. */
  public StatusSnapshot add(ChunkContext ctx, NewCharge c, String source, long sourceId) {
    ctx.write(loanId, ServicingRepository.CHARGE_INSERT, ServicingRepository.chargeValues(loanId, c, source, sourceId));
    Charge charge = new Charge(0, c.date(), c.amount(), "charge.types.other");
    charges.add(charge);
    DayRow row;
    if (before == null) {
      ChargeApplier.Result r = ChargeApplier.apply(after, charge, CalcSettings.DEFAULT);
      row = new DayRow(after.date(), r.state(), r.status(), List.of(), List.of(), List.of(charge), List.of());
    } else {
      row = Replayer.replayFrom(before, CalcSettings.DEFAULT, payments, charges, after.date()).get(0);
      for (int i = 0; i < row.payments().size(); i++) {
        var a = row.payments().get(i);
        ctx.write(loanId, ServicingRepository.APPLIED_UPDATE, a.fees(), a.interest(), a.principal(), records.get(i).id());
      }
    }
    after = row.state();
    ctx.rebulk(loanId, LoanDayCalculator.ARCHIVE, 2, ServicingRepository.archiveValues(loanId, row.status()));
    ctx.rebulk(loanId, LoanDayCalculator.STATE, 1, LoanStateRows.values(loanId, row.state()));
    return row.status();
  }
}
