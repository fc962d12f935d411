package org.openlms.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openlms.engine.terms.DaysInYear;
import org.openlms.engine.terms.FirstPeriodDays;
import org.openlms.engine.terms.LoanTerms;

/**
 * LoanPro's API calculator sample (developers.loanpro.io/docs/api-calculator-payoff-function, quoted in
 * shared/reference/loanpro-api.md 4.3): 15000.00 at 4.7 % annual, 60 monthly payments, contract 2020-08-17,
 * first payment 2020-09-01, daysInYear actual. Stored results: payment 281.01, origFinalPaymentDate 2025-08-01,
 * origFinalPaymentAmount 280.45, apr 4.698.
 */
class PublishedFigureTest {
    private static LoanTerms sample(FirstPeriodDays firstPeriodDays) {
        return LoanTerms.builder().loanAmount("15000.00").loanRate("4.7").loanTerm(60)
                .contractDate("2020-08-17").firstPaymentDate("2020-09-01")
                .daysInYear(DaysInYear.ACTUAL).firstPeriodDays(firstPeriodDays).build();
    }

    @Test
    void regularPaymentAndFinalDateMatchLoanPro() {
        Schedule s = ScheduleCalculator.calculate(sample(FirstPeriodDays.FORCE_REGULAR));
        assertThat(s.disclosure().payment()).isEqualByComparingTo("281.01");
        assertThat(s.disclosure().origFinalPaymentDate()).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(s.size()).isEqualTo(60);
    }

    /**
     * LoanPro stores a final payment of 280.45 and an APR of 4.698. Our model charges a forced-regular first period
     * (15 real days) as 30 days at rate/365 and every later period its actual days at rate/365, which gives 279.66;
     * charging the first period as rate/12 instead would give 280.69, and a 15-day actual first period 243.19.
     * No simple day-count we tried lands on 280.45, so LoanPro's first-period rule is not public enough to match
     * to the cent; the gap is 0.79. The APR counts the forced-regular first period as one whole month (appendix J
     * odd days would give about 4.78 %): with our final payment it is 4.697, and with LoanPro's 280.45 the same
     * equation gives 4.6986, which LoanPro shows as 4.698.
     */
    @Test
    void finalPaymentAndAprWithForcedRegularFirstPeriod() {
        Schedule s = ScheduleCalculator.calculate(sample(FirstPeriodDays.FORCE_REGULAR));
        assertThat(s.disclosure().origFinalPaymentAmount()).isEqualByComparingTo("279.66");
        assertThat(s.disclosure().apr()).isEqualByComparingTo("4.697");
        assertThat(s.disclosure().tilTotalOfPayments())
                .isEqualByComparingTo(new BigDecimal("281.01").multiply(BigDecimal.valueOf(59)).add(new BigDecimal("279.66")));
        assertThat(s.disclosure().tilFinanceCharge())
                .isEqualByComparingTo(s.disclosure().tilTotalOfPayments().subtract(new BigDecimal("15000.00")));
    }

    @Test
    void loanProAprFollowsFromItsOwnFinalPaymentWithAWholeFirstMonth() {
        java.util.List<BigDecimal> pays = new java.util.ArrayList<>();
        java.util.List<LocalDate> dates = new java.util.ArrayList<>();
        for (int k = 0; k < 60; k++) {
            pays.add(new BigDecimal(k == 59 ? "280.45" : "281.01"));
            dates.add(LocalDate.of(2020, 9, 1).plusMonths(k));
        }
        BigDecimal apr = AprCalculator.apr(new BigDecimal("15000.00"), LocalDate.of(2020, 8, 17), dates, pays,
                org.openlms.engine.terms.PaymentFrequency.MONTHLY, true);
        // 4.6986 to 4 decimals; LoanPro displays 4.698 (it truncates), we round HALF_UP to 4.699.
        assertThat(apr).isBetween(new BigDecimal("4.698"), new BigDecimal("4.699"));
    }
}
