package org.openlms.engine.state;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Objects;
import org.openlms.engine.money.Money;

/**
 * A dated change to how a loan is serviced, put on by an automation rule or by hand and kept with the loan so
 * that every replay makes it again on its date (after the day step and the day's charges, before its payments):
 * <ul>
 *   <li>{@code STOP_INTEREST}: no interest accrues from the next day on (what accrued stays owed);</li>
 *   <li>{@code RESUME_INTEREST}: interest accrues again from the next day on;</li>
 *   <li>{@code RESET_PAST_DUE}: the installments that came due and are unpaid stop being past due: their principal
 *       and interest go back to what is owed but not due (collected by the later installments, the last one taking
 *       what remains), so days past due and amount past due start again from zero. Fees stay due.</li>
 * </ul>
 */
public record Adjustment(long id, LocalDate date, Kind kind) {

    public enum Kind {
        STOP_INTEREST, RESUME_INTEREST, RESET_PAST_DUE
    }

    public Adjustment {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }

    /** The state after the adjustment; it must be dated on the state's day. */
    public LoanState applyTo(LoanState s) {
        if (!date.equals(s.date())) {
            throw new IllegalArgumentException("adjustment dated " + date + " applied to state of " + s.date());
        }
        LoanStateDraft d = s.toDraft();
        switch (kind) {
            case STOP_INTEREST -> d.interestStopped = true;
            case RESUME_INTEREST -> d.interestStopped = false;
            case RESET_PAST_DUE -> {
                d.interestNotDue = d.interestNotDue.add(d.dueInterest);
                d.dueInterest = Money.ZERO;
                d.duePrincipal = Money.ZERO;
                d.unpaid = new ArrayList<>();
                d.dateLastCurrent = s.date();
                d.dateLastCurrent30 = s.date();
                // The late fees of the installments reset are not decided any more; the next one to come due is.
                d.lateFeeIndex = d.nextIndex;
                d.nextLateFeeCheck = null;
            }
        }
        return d.toState();
    }
}
