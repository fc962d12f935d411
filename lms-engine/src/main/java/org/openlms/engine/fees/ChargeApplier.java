package org.openlms.engine.fees;

import org.openlms.engine.money.Money;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.LoanStateDraft;
import org.openlms.engine.state.StatusSnapshot;

/**
 * Puts a charge on a loan at the end of the charge's date: its amount becomes due fees, so amount due and payoff
 * grow by it and the next payment pays it first. Nothing else moves: no interest accrues on it and it does not
 * make the loan past due in days (days past due count installments only, as for late fees).
 *
 * <p>The replay calls {@link #applyTo} for each charge of a day after the day step and before that day's
 * payments. {@link #apply} is the same for a caller that holds one loan's state on the charge's date and wants
 * the archive row that goes with it (daily maintenance adding a recurring charge after the day step).
 */
public final class ChargeApplier {
    private ChargeApplier() {
    }

    /** The state after the charge and its StatusArchive values. */
    public record Result(LoanState state, StatusSnapshot status) {
    }

    public static Result apply(LoanState state, Charge charge, CalcSettings settings) {
        LoanState next = applyTo(state, charge);
        return new Result(next, StatusSnapshot.of(next, settings));
    }

    /** The state after the charge; the charge must be dated on the state's day. */
    public static LoanState applyTo(LoanState state, Charge charge) {
        if (!charge.date().equals(state.date())) {
            throw new IllegalArgumentException("charge dated " + charge.date() + " applied to state of " + state.date());
        }
        LoanStateDraft d = state.toDraft();
        d.addFees(Money.round(charge.amount()));
        return d.toState();
    }
}
