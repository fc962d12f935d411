package org.openlms.engine.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.openlms.engine.terms.CalcType;
import org.openlms.engine.terms.DaysInYear;
import org.openlms.engine.terms.FirstPeriodDays;
import org.openlms.engine.terms.InterestApplication;
import org.openlms.engine.terms.LateFeeCalc;
import org.openlms.engine.terms.LateFeeType;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

/** Random valid loan terms for properties: every frequency, basis, calc type and first-period rule. */
public final class LoanArbitraries {
    private LoanArbitraries() {
    }

    public static Arbitrary<LoanTerms> terms() {
        Arbitrary<BigDecimal> amount = Arbitraries.longs().between(10_000L, 10_000_000L).map(c -> BigDecimal.valueOf(c, 2));
        Arbitrary<BigDecimal> rate = Arbitraries.integers().between(0, 3600).map(r -> BigDecimal.valueOf(r, 2));
        Arbitrary<Integer> term = Arbitraries.integers().between(1, 36);
        Arbitrary<PaymentFrequency> freq = Arbitraries.of(PaymentFrequency.class);
        Arbitrary<LocalDate> contract = Arbitraries.integers().between(0, 6 * 365).map(d -> LocalDate.of(2019, 1, 1).plusDays(d));
        Arbitrary<Integer> firstGap = Arbitraries.integers().between(1, 45);
        Arbitrary<Integer> options = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Combinators.combine(amount, rate, term, freq, contract, firstGap, options)
                .as((a, r, n, f, c, gap, o) -> build(a, r, n, f, c, gap, o));
    }

    private static LoanTerms build(BigDecimal amount, BigDecimal rate, int n, PaymentFrequency f, LocalDate contract,
                                   int gap, int options) {
        boolean single = f == PaymentFrequency.SINGLE;
        DaysInYear basis = single || (options & 1) == 0 ? DaysInYear.ACTUAL : DaysInYear.FREQUENCY;
        CalcType calc = CalcType.values()[(options >> 1) % 3];
        FirstPeriodDays fpd = FirstPeriodDays.values()[(options >> 3) % 3];
        InterestApplication app = (options & 32) == 0 ? InterestApplication.BETWEEN_TRANSACTIONS
                : InterestApplication.BETWEEN_PERIODS;
        LateFeeType fee = (options & 64) == 0 ? null : LateFeeType.values()[(options >> 7) % 5];
        return LoanTerms.builder().loanAmount(amount).loanRate(rate).loanTerm(single ? 1 : n)
                .contractDate(contract).firstPaymentDate(contract.plusDays(gap)).paymentFrequency(f)
                .daysInYear(basis).calcType(calc).firstPeriodDays(fpd).interestApplication(app)
                .firstDayInterest((options & 1024) != 0).lastAsFinal((options & 2048) == 0)
                .roundDecimals((options >> 12) % 3).graceDays((options >> 14) % 11)
                .lateFee(fee, "15.00", "5", LateFeeCalc.values()[(options >> 18) % 3]).build();
    }
}
