package org.openlms.engine.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openlms.engine.money.Money;
import org.openlms.engine.terms.CalcType;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.LoanTermsValidator;

/**
 * Computes the schedule and disclosure from the terms. The regular payment is the annuity payment at
 * rate/periodsPerYear over loanTerm periods, rounded to {@code roundDecimals} (HALF_UP); each period's interest
 * is the per diem (principal x the period's daily rate, at the accrual scale) x its days, rounded to cents: the
 * same arithmetic as the day step, so a loan paid on time is charged exactly what its schedule says; unpaid interest (a payment smaller than
 * the interest) is carried, never capitalised. With lastAsFinal the last payment absorbs the rounding; without
 * it the last payment stays regular and any remainder falls due one period later.
 */
public final class ScheduleCalculator {
    private ScheduleCalculator() {
    }

    public static Schedule calculate(LoanTerms terms) {
        return calculate(terms, true);
    }

    /**
     * The same schedule without the APR, which is most of the cost (an iterative solve) and only the LoanSetup
     * disclosure needs: for servicing a loan day by day. Its disclosure's {@code apr} is null.
     */
    public static Schedule forServicing(LoanTerms terms) {
        return calculate(terms, false);
    }

    private static Schedule calculate(LoanTerms terms, boolean withApr) {
        LoanTermsValidator.requireValid(terms);
        int n = terms.loanTerm();
        BigDecimal payment = regularPayment(terms);
        List<Installment> rows = new ArrayList<>(n + 1);
        BigDecimal balance = Money.round(terms.loanAmount());
        BigDecimal carry = Money.ZERO; // interest due but not covered by an earlier payment
        BigDecimal[] r78 = terms.calcType() == CalcType.RULE_78 ? Rule78.interest(terms, payment) : null;
        boolean firstRegular = PeriodRates.firstPeriodRegular(terms);
        LocalDate previous = terms.contractDate();
        java.util.Map<Integer, BigDecimal> laterRates = new java.util.HashMap<>(4);
        for (int k = 0; balance.signum() > 0 || carry.signum() > 0; k++) {
            LocalDate due = DueDates.nth(terms, k);
            boolean first = k == 0;
            int days = PeriodRates.accrualDays(terms, previous, due, first);
            boolean regular = !first || firstRegular;
            // After the first period the daily rate depends only on the period's length: computed once per length.
            BigDecimal rate = first ? PeriodRates.dailyRate(terms, days, regular, true)
                    : laterRates.computeIfAbsent(days, d -> PeriodRates.dailyRate(terms, d, true, false));
            BigDecimal interest = r78 != null
                    ? (k < n ? r78[k] : Money.ZERO)
                    : Money.round(Money.accrual(balance.multiply(rate)).multiply(BigDecimal.valueOf(days)));
            BigDecimal owedInterest = interest.add(carry);
            boolean last = k >= n - 1 && (k >= n || !rollsRemainder(terms));
            BigDecimal pay;
            if (last) {
                pay = balance.add(owedInterest);
            } else if (terms.calcType() == CalcType.INTEREST_ONLY) {
                pay = owedInterest;
            } else {
                pay = Money.min(payment, balance.add(owedInterest));
            }
            BigDecimal paidInterest = Money.min(pay, owedInterest);
            carry = owedInterest.subtract(paidInterest);
            BigDecimal principal = pay.subtract(paidInterest);
            balance = balance.subtract(principal);
            LocalDate start = first ? Schedule.interestStart(terms) : previous.plusDays(1);
            rows.add(new Installment(k + 1, start, due, days, regular, rate, pay, paidInterest, principal, balance));
            previous = due;
        }
        return new Schedule(terms, payment, rows, disclose(terms, payment, rows, firstRegular, withApr));
    }

    /** Only an amortizing loan without lastAsFinal rolls a remainder into one more period. */
    private static boolean rollsRemainder(LoanTerms t) {
        return !t.lastAsFinal() && t.calcType() != CalcType.INTEREST_ONLY
                && t.paymentFrequency() != org.openlms.engine.terms.PaymentFrequency.SINGLE;
    }

    /** The regular payment: annuity for simple interest and rule 78, one period's interest for interest only. */
    public static BigDecimal regularPayment(LoanTerms t) {
        BigDecimal amount = t.loanAmount();
        int n = t.loanTerm();
        BigDecimal i = t.annualRate().divide(BigDecimal.valueOf(t.paymentFrequency().periodsPerYear()), Money.CALC);
        if (t.calcType() == CalcType.INTEREST_ONLY) {
            return Money.round(amount.multiply(i), t.roundDecimals());
        }
        if (i.signum() == 0) {
            return Money.round(amount.divide(BigDecimal.valueOf(n), Money.CALC), t.roundDecimals());
        }
        BigDecimal growth = BigDecimal.ONE.add(i).pow(n, Money.CALC);
        BigDecimal factor = i.multiply(growth).divide(growth.subtract(BigDecimal.ONE), Money.CALC);
        return Money.round(amount.multiply(factor), t.roundDecimals());
    }

    private static Disclosure disclose(LoanTerms t, BigDecimal payment, List<Installment> rows, boolean firstRegular,
                                       boolean withApr) {
        BigDecimal total = Money.ZERO;
        List<BigDecimal> amounts = new ArrayList<>(rows.size());
        List<LocalDate> dates = new ArrayList<>(rows.size());
        for (Installment r : rows) {
            total = total.add(r.payment());
            amounts.add(r.payment());
            dates.add(r.dueDate());
        }
        Installment last = rows.get(rows.size() - 1);
        BigDecimal amount = Money.round(t.loanAmount());
        BigDecimal apr = withApr ? AprCalculator.apr(amount, t.contractDate(), dates, amounts, t.paymentFrequency(),
                firstRegular) : null;
        return new Disclosure(payment, last.dueDate(), last.payment(), total.subtract(amount), total, amount, apr);
    }
}
