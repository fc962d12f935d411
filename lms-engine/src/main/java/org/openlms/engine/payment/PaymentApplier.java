package org.openlms.engine.payment;

import java.math.BigDecimal;
import org.openlms.engine.money.Money;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.LoanStateDraft;
import org.openlms.engine.terms.CalcType;
import org.openlms.engine.terms.InterestApplication;

/**
 * Applies a payment to the state at the end of its date (after that day's step). Order: the waterfall over
 * what is due; then the extra per {@link ExtraTowards}; anything the loan does not owe is returned as unapplied.
 * Under betweenPeriods a payment made while nothing is due and before the next due date is held and applied on
 * that due date (LoanPro: an early payment applies on its due date).
 */
public final class PaymentApplier {
    private PaymentApplier() {
    }

    public static PaymentResult apply(LoanState state, Payment p) {
        if (!p.date().equals(state.date())) {
            throw new IllegalArgumentException("payment dated " + p.date() + " applied to state of " + state.date());
        }
        LoanStateDraft d = state.toDraft();
        BigDecimal amount = Money.round(p.amount());
        Application a;
        if (p.principalOnly()) {
            BigDecimal principal = d.payPrincipalNotDue(amount);
            a = new Application(Money.ZERO, Money.ZERO, principal, Money.ZERO, amount.subtract(principal));
        } else if (holds(d, p)) {
            d.addHeldCredit(amount);
            a = new Application(Money.ZERO, Money.ZERO, Money.ZERO, amount, Money.ZERO);
        } else {
            a = waterfall(d, amount, p.waterfall(), p.extra());
        }
        d.finishPayment(p.date(), amount);
        return new PaymentResult(d.toState(), a);
    }

    private static boolean holds(LoanStateDraft d, Payment p) {
        return d.schedule().terms().interestApplication() == InterestApplication.BETWEEN_PERIODS
                && !d.hasUnpaid() && d.nextDueDate() != null && p.date().isBefore(d.nextDueDate());
    }

    private static Application waterfall(LoanStateDraft d, BigDecimal amount, Waterfall w, ExtraTowards extra) {
        BigDecimal left = amount;
        BigDecimal fees = Money.ZERO;
        BigDecimal interest = Money.ZERO;
        BigDecimal principal = Money.ZERO;
        for (PaymentApplication step : w.order()) {
            BigDecimal x;
            switch (step) {
                case FEES, PAYOFF_FEES -> {
                    x = d.payFees(left);
                    fees = fees.add(x);
                }
                case INTEREST -> {
                    x = d.payDueInterest(left);
                    interest = interest.add(x);
                }
                case PRINCIPAL -> {
                    x = d.payDuePrincipal(left);
                    principal = principal.add(x);
                }
                case PRINCIPAL_BALANCE -> {
                    x = d.payDuePrincipal(left);
                    x = x.add(d.payPrincipalNotDue(left.subtract(x)));
                    principal = principal.add(x);
                }
                default -> x = Money.ZERO; // escrow, discount: no such bucket
            }
            left = left.subtract(x);
        }
        // Whatever the order, money left after it meets all that is due (LoanPro: unplaced money goes on).
        BigDecimal f = d.payFees(left);
        left = left.subtract(f);
        BigDecimal i = d.payDueInterest(left);
        left = left.subtract(i);
        BigDecimal pr = d.payDuePrincipal(left);
        left = left.subtract(pr);
        fees = fees.add(f);
        interest = interest.add(i);
        principal = principal.add(pr);
        BigDecimal extraInterest;
        BigDecimal extraPrincipal;
        boolean rule78 = d.schedule().terms().calcType() == CalcType.RULE_78;
        if (extra == ExtraTowards.NEXT_PERIODS && !rule78) {
            extraInterest = left.signum() > 0 ? d.payInterestNotDue(left) : Money.ZERO;
            extraPrincipal = d.payPrincipalNotDue(left.subtract(extraInterest));
            d.addPrepaidCredit(extraInterest.add(extraPrincipal));
        } else {
            // Precomputed rule-78 interest is earned by date, so extra always reduces principal first.
            extraPrincipal = d.payPrincipalNotDue(left);
            BigDecimal rest = left.subtract(extraPrincipal);
            extraInterest = d.principalBalance().signum() == 0 && rest.signum() > 0
                    ? d.payInterestNotDue(rest) : Money.ZERO;
            if (extra == ExtraTowards.NEXT_PERIODS) {
                d.addPrepaidCredit(extraInterest.add(extraPrincipal));
            }
        }
        left = left.subtract(extraInterest).subtract(extraPrincipal);
        return new Application(fees, interest.add(extraInterest), principal.add(extraPrincipal), Money.ZERO, left);
    }
}
