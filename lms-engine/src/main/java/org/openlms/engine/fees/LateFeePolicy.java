package org.openlms.engine.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openlms.engine.money.Money;
import org.openlms.engine.terms.LoanTerms;

/**
 * Late fee rules. Amount: FIXED_AMOUNT and FLAT charge lateFeeAmount; PERCENTAGE charges lateFeePercent of the
 * regular payment; GREATER_OF and LESSER_OF compare the two. Condition, where "past due" is what remains unpaid
 * of this installment and older ones: STANDARD charges when anything is past due; STANDARD_FEE only when the
 * amount past due is greater than the fee; CURRENT as STANDARD unless a payment was made on or after the
 * installment's due date (a payment in the current period).
 */
public final class LateFeePolicy {
    private LateFeePolicy() {
    }

    public static BigDecimal amount(LoanTerms t, BigDecimal regularPayment) {
        BigDecimal flat = t.lateFeeAmount() == null ? Money.ZERO : Money.round(t.lateFeeAmount());
        BigDecimal pct = t.lateFeePercent() == null ? Money.ZERO
                : Money.round(regularPayment.multiply(t.lateFeePercent()).movePointLeft(2));
        return switch (t.lateFeeType()) {
            case FIXED_AMOUNT, FLAT -> flat;
            case PERCENTAGE -> pct;
            case GREATER_OF -> Money.max(flat, pct);
            case LESSER_OF -> Money.min(flat, pct);
        };
    }

    /**
     * The fee for an installment due on {@code dueDate}, or zero when the condition does not hold.
     *
     * @param pastDue         unpaid amounts of this installment and older ones (fees excluded)
     * @param lastPaymentDate the last payment's date, or null
     */
    public static BigDecimal assess(LoanTerms t, BigDecimal regularPayment, LocalDate dueDate, BigDecimal pastDue,
                                    LocalDate lastPaymentDate) {
        if (!t.chargesLateFees() || pastDue.signum() <= 0) {
            return Money.ZERO;
        }
        BigDecimal fee = amount(t, regularPayment);
        boolean charge = switch (t.lateFeeCalc()) {
            case STANDARD -> true;
            case STANDARD_FEE -> pastDue.compareTo(fee) > 0;
            case CURRENT -> lastPaymentDate == null || lastPaymentDate.isBefore(dueDate);
        };
        return charge ? fee : Money.ZERO;
    }
}
