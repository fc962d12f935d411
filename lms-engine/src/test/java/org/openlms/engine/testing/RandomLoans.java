package org.openlms.engine.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.openlms.engine.terms.CalcType;
import org.openlms.engine.terms.DaysInYear;
import org.openlms.engine.terms.FirstPeriodDays;
import org.openlms.engine.terms.InterestApplication;
import org.openlms.engine.terms.LateFeeCalc;
import org.openlms.engine.terms.LateFeeType;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

/**
 * Random valid loan terms for property tests: every frequency, basis, calc type and first-period rule. Each
 * case comes from its own seed, which its name shows, so any failure replays exactly. (Plain JUnit rather than
 * jqwik: jqwik's maintainer asks that AI coding agents not use it, and this project is built with them.)
 */
public final class RandomLoans {
    private RandomLoans() {
    }

    /** One generated case: terms, and a seed for whatever else the property draws (payments). */
    public record Case(long seed, LoanTerms terms) {
        @Override
        public String toString() {
            return "seed " + seed + ": " + terms.loanAmount() + " at " + terms.loanRate() + " x" + terms.loanTerm() + " "
                    + terms.paymentFrequency() + " " + terms.calcType() + " " + terms.daysInYear();
        }
    }

    /** {@code count} cases from consecutive seeds starting at {@code firstSeed}. */
    public static Stream<Case> cases(int count, long firstSeed) {
        return LongStream.range(firstSeed, firstSeed + count).mapToObj(seed -> new Case(seed, terms(new Random(seed))));
    }

    public static LoanTerms terms(Random r) {
        BigDecimal amount = BigDecimal.valueOf(10_000L + (long) (r.nextDouble() * (10_000_000L - 10_000L)), 2);
        BigDecimal rate = BigDecimal.valueOf(r.nextInt(3601), 2);
        int term = 1 + r.nextInt(36);
        PaymentFrequency freq = PaymentFrequency.values()[r.nextInt(PaymentFrequency.values().length)];
        LocalDate contract = LocalDate.of(2019, 1, 1).plusDays(r.nextInt(6 * 365 + 1));
        int firstGap = 1 + r.nextInt(45);
        int options = r.nextInt(Integer.MAX_VALUE);
        return build(amount, rate, term, freq, contract, firstGap, options);
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
