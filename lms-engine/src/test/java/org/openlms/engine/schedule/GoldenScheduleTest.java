package org.openlms.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openlms.engine.terms.CalcType;
import org.openlms.engine.terms.DaysInYear;
import org.openlms.engine.terms.FirstPeriodDays;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.LoanTermsBuilder;
import org.openlms.engine.terms.PaymentFrequency;

/**
 * Golden tables whose expected values are written out here from closed forms: the annuity payment
 * P = L i / (1 - (1 + i)^-n), a period's interest = balance x rate for the period, rule-of-78 fractions.
 */
class GoldenScheduleTest {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal L = new BigDecimal("10000.00");
    private static final BigDecimal RATE = new BigDecimal("0.08");

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal annuity(BigDecimal i, int n) {
        BigDecimal v = BigDecimal.ONE.add(i).pow(-n, MC);
        return cents(L.multiply(i).divide(BigDecimal.ONE.subtract(v), MC));
    }

    private static LoanTermsBuilder base(PaymentFrequency f, int n) {
        LocalDate contract = LocalDate.of(2023, 1, 1);
        LoanTerms probe = LoanTerms.builder().loanAmount("1").loanRate("1").loanTerm(1).contractDate(contract)
                .firstPaymentDate(contract.plusDays(1)).paymentFrequency(f).build();
        LocalDate first = switch (f) {
            case SEMIMONTHLY -> LocalDate.of(2023, 1, 16);
            case SINGLE -> LocalDate.of(2023, 7, 1);
            default -> f.daysPerPeriod() > 0 ? contract.plusDays(f.daysPerPeriod())
                    : contract.plusMonths(f.monthsPerPeriod());
        };
        assertThat(probe).isNotNull();
        return LoanTerms.builder().loanAmount(L).loanRate("8").loanTerm(n).contractDate(contract)
                .firstPaymentDate(first).paymentFrequency(f);
    }

    /** Frequency basis, regular first period: every period charges balance x rate / periodsPerYear. */
    @ParameterizedTest
    @EnumSource(value = PaymentFrequency.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void frequencyBasisEveryFrequency(PaymentFrequency f) {
        int n = Math.max(4, f.periodsPerYear() * 2);
        Schedule s = ScheduleCalculator.calculate(base(f, n).daysInYear(DaysInYear.FREQUENCY).build());
        BigDecimal i = RATE.divide(BigDecimal.valueOf(f.periodsPerYear()), MC);
        BigDecimal p = annuity(i, n);
        assertThat(s.regularPayment()).isEqualByComparingTo(p);
        assertThat(s.size()).isEqualTo(n);
        BigDecimal balance = L;
        for (int k = 0; k < n; k++) {
            Installment r = s.get(k);
            BigDecimal interest = cents(balance.multiply(i));
            BigDecimal pay = k == n - 1 ? balance.add(interest) : p;
            assertThat(r.interest()).as("%s interest %d", f, k + 1).isEqualByComparingTo(interest);
            assertThat(r.payment()).as("%s payment %d", f, k + 1).isEqualByComparingTo(pay);
            balance = balance.subtract(pay.subtract(interest));
            assertThat(r.balance()).isEqualByComparingTo(balance);
        }
        assertThat(balance).isZero();
        // The final payment differs from the level payment only by the payment's rounding carried with interest.
        BigDecimal drift = s.last().payment().subtract(p).abs();
        assertThat(drift).isLessThanOrEqualTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(n)));
    }

    /** Actual basis, every frequency: a period's interest is balance x rate x its real days / 365. */
    @ParameterizedTest
    @EnumSource(value = PaymentFrequency.class, names = "SINGLE", mode = EnumSource.Mode.EXCLUDE)
    void actualBasisEveryFrequency(PaymentFrequency f) {
        int n = Math.max(4, f.periodsPerYear() * 2);
        Schedule s = ScheduleCalculator.calculate(base(f, n).daysInYear(DaysInYear.ACTUAL).build());
        assertThat(s.regularPayment()).isEqualByComparingTo(annuity(RATE.divide(BigDecimal.valueOf(f.periodsPerYear()), MC), n));
        BigDecimal balance = L;
        LocalDate previous = LocalDate.of(2023, 1, 1);
        for (Installment r : s.installments()) {
            long days = ChronoUnit.DAYS.between(previous, r.dueDate());
            BigDecimal interest = cents(balance.multiply(RATE).multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(365), MC));
            assertThat(r.interest()).as("%s interest %d", f, r.number()).isEqualByComparingTo(interest);
            BigDecimal pay = r.number() == n ? balance.add(interest) : s.regularPayment();
            assertThat(r.payment()).isEqualByComparingTo(pay);
            balance = balance.subtract(pay.subtract(interest));
            previous = r.dueDate();
        }
        assertThat(s.size()).isEqualTo(n);
        assertThat(balance).isZero();
    }

    /** Actual basis: a period's interest is balance x rate x its real days / 365, leap days included. */
    @Test
    void actualBasisMonthlyThroughALeapYear() {
        Schedule s = ScheduleCalculator.calculate(base(PaymentFrequency.MONTHLY, 24).contractDate("2023-06-15")
                .firstPaymentDate("2023-07-15").daysInYear(DaysInYear.ACTUAL).build());
        assertThat(s.regularPayment()).isEqualByComparingTo(annuity(RATE.divide(BigDecimal.valueOf(12), MC), 24));
        BigDecimal balance = L;
        LocalDate previous = LocalDate.of(2023, 6, 15);
        for (Installment r : s.installments()) {
            long days = ChronoUnit.DAYS.between(previous, r.dueDate());
            BigDecimal interest = cents(balance.multiply(RATE).multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(365), MC));
            assertThat(r.days()).isEqualTo((int) days);
            assertThat(r.interest()).as("interest %d", r.number()).isEqualByComparingTo(interest);
            balance = balance.subtract(r.principal());
            previous = r.dueDate();
        }
        assertThat(s.get(8).days()).isEqualTo(29); // Feb 15 - Mar 15 2024
        assertThat(balance).isZero();
    }

    @Test
    void singlePaymentIsPrincipalPlusActualDaysInterest() {
        Schedule s = ScheduleCalculator.calculate(base(PaymentFrequency.SINGLE, 1).build());
        BigDecimal interest = cents(L.multiply(RATE).multiply(BigDecimal.valueOf(181)).divide(BigDecimal.valueOf(365), MC));
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.last().payment()).isEqualByComparingTo(L.add(interest)); // 10,396.71
    }

    @Test
    void oddFirstPeriodUnderEachFirstPeriodDaysRule() {
        BigDecimal monthly = RATE.divide(BigDecimal.valueOf(12), MC);
        LoanTermsBuilder b = base(PaymentFrequency.MONTHLY, 12).daysInYear(DaysInYear.FREQUENCY)
                .contractDate("2023-01-01").firstPaymentDate("2023-02-15"); // 45 days
        // actual: charged per day at rate/12/30.
        assertThat(first(b.firstPeriodDays(FirstPeriodDays.ACTUAL)).interest())
                .isEqualByComparingTo(cents(L.multiply(monthly).multiply(BigDecimal.valueOf(45)).divide(BigDecimal.valueOf(30), MC)));
        // forceRegular: one regular period.
        assertThat(first(b.firstPeriodDays(FirstPeriodDays.FORCE_REGULAR)).interest()).isEqualByComparingTo(cents(L.multiply(monthly)));
        // frequency: 45 days is not within 2 of 30, so per day; 32 days is, so regular.
        assertThat(first(b.firstPeriodDays(FirstPeriodDays.FREQUENCY)).interest())
                .isEqualByComparingTo(cents(L.multiply(monthly).multiply(BigDecimal.valueOf(45)).divide(BigDecimal.valueOf(30), MC)));
        assertThat(first(b.contractDate("2023-01-14").firstPeriodDays(FirstPeriodDays.FREQUENCY)).interest())
                .isEqualByComparingTo(cents(L.multiply(monthly)));
        // Actual basis, forceRegular, 45 days: charged as 30 days at rate/365.
        assertThat(first(b.contractDate("2023-01-01").daysInYear(DaysInYear.ACTUAL)
                .firstPeriodDays(FirstPeriodDays.FORCE_REGULAR)).interest())
                .isEqualByComparingTo(cents(L.multiply(RATE).multiply(BigDecimal.valueOf(30)).divide(BigDecimal.valueOf(365), MC)));
    }

    private static Installment first(LoanTermsBuilder b) {
        return ScheduleCalculator.calculate(b.build()).get(0);
    }

    @Test
    void interestOnlyPaysThePeriodsInterestThenPrincipalAtTheEnd() {
        Schedule s = ScheduleCalculator.calculate(base(PaymentFrequency.MONTHLY, 12).daysInYear(DaysInYear.FREQUENCY)
                .calcType(CalcType.INTEREST_ONLY).build());
        BigDecimal interest = cents(L.multiply(RATE).divide(BigDecimal.valueOf(12), MC)); // 66.67
        assertThat(s.regularPayment()).isEqualByComparingTo(interest);
        for (int k = 0; k < 11; k++) {
            assertThat(s.get(k).payment()).isEqualByComparingTo(interest);
            assertThat(s.get(k).principal()).isZero();
        }
        assertThat(s.last().payment()).isEqualByComparingTo(L.add(interest));
    }

    @Test
    void rule78SpreadsTheFinanceChargeBySumOfDigits() {
        Schedule s = ScheduleCalculator.calculate(base(PaymentFrequency.MONTHLY, 12).calcType(CalcType.RULE_78).build());
        BigDecimal p = annuity(RATE.divide(BigDecimal.valueOf(12), MC), 12); // 869.88
        assertThat(s.regularPayment()).isEqualByComparingTo(p);
        BigDecimal financeCharge = p.multiply(BigDecimal.valueOf(12)).subtract(L); // 438.56
        BigDecimal before = BigDecimal.ZERO;
        int cumulative = 0;
        for (int k = 0; k < 12; k++) {
            cumulative += 12 - k; // earned through period k+1: 12 + 11 + ... of 78
            BigDecimal upTo = cents(financeCharge.multiply(BigDecimal.valueOf(cumulative)).divide(BigDecimal.valueOf(78), MC));
            assertThat(s.get(k).interest()).as("rule78 %d", k + 1).isEqualByComparingTo(upTo.subtract(before));
            before = upTo;
        }
        assertThat(s.get(0).interest()).isEqualByComparingTo("67.47"); // 438.56 x 12/78
        assertThat(s.last().interest()).isEqualByComparingTo("5.62"); // 438.56 - 438.56 x 77/78 = 5.62
        assertThat(s.disclosure().tilFinanceCharge()).isEqualByComparingTo(financeCharge);
        assertThat(s.last().balance()).isZero();
    }

    @Test
    void lastAsFinalOffKeepsTheLastPaymentRegularAndAddsTheRest() {
        // 10,000 at 8 % over 24 months pays 452.27, rounded to whole dollars 452: the 24th leaves a remainder.
        LoanTermsBuilder b = base(PaymentFrequency.MONTHLY, 24).daysInYear(DaysInYear.FREQUENCY).roundDecimals(0);
        Schedule on = ScheduleCalculator.calculate(b.build());
        Schedule off = ScheduleCalculator.calculate(b.lastAsFinal(false).build());
        assertThat(on.size()).isEqualTo(24);
        assertThat(on.regularPayment()).isEqualByComparingTo("452.00");
        assertThat(on.last().payment()).isGreaterThan(on.regularPayment());
        assertThat(off.get(23).payment()).isEqualByComparingTo("452.00");
        assertThat(off.size()).isEqualTo(25);
        assertThat(off.last().balance()).isZero();
        assertThat(off.last().dueDate()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(off.disclosure().tilTotalOfPayments()).isEqualByComparingTo(on.disclosure().tilTotalOfPayments()
                .add(off.last().interest()));
    }
}
