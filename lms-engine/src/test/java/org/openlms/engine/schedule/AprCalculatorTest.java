package org.openlms.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

/**
 * Worked examples of Regulation Z appendix J (12 CFR part 1026, appendix J, paragraph (c), "Examples for the
 * actuarial method"; https://www.consumerfinance.gov/rules-policy/regulations/1026/J/).
 */
class AprCalculatorTest {
    private static List<BigDecimal> level(String p, int n) {
        return new ArrayList<>(Collections.nCopies(n, new BigDecimal(p)));
    }

    private static List<LocalDate> dates(LoanTerms t, int n) {
        return DueDates.generate(t, n);
    }

    @Test
    void monthlyRegularFirstPeriod() {
        // Appendix J (c)(5)(i): A = 5,000.00, P = 230.00, n = 24 monthly, regular first period: APR 9.69 %.
        LoanTerms t = LoanTerms.builder().loanAmount("5000").loanRate("9").loanTerm(24)
                .contractDate("1978-01-10").firstPaymentDate("1978-02-10").build();
        BigDecimal apr = AprCalculator.apr(new BigDecimal("5000.00"), t.contractDate(), dates(t, 24),
                level("230.00", 24), PaymentFrequency.MONTHLY, false);
        assertThat(apr.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("9.69");
    }

    @Test
    void semimonthlyShortFirstPeriod() {
        // Appendix J (c)(5)(iii): A = 5,000.00, P = 219.17, n = 24 semimonthly, advance 2-23-78, first payment
        // 3-1-78 then the 16th and the 1st: t = 0, f = 6/15; APR 10.34 %.
        LoanTerms t = LoanTerms.builder().loanAmount("5000").loanRate("9").loanTerm(24)
                .contractDate("1978-02-23").firstPaymentDate("1978-03-01")
                .paymentFrequency(PaymentFrequency.SEMIMONTHLY).build();
        int[] split = AprCalculator.wholeUnitsAndOddDays(t.contractDate(), t.firstPaymentDate(),
                PaymentFrequency.SEMIMONTHLY);
        assertThat(split).containsExactly(0, 6);
        BigDecimal apr = AprCalculator.apr(new BigDecimal("5000.00"), t.contractDate(), dates(t, 24),
                level("219.17", 24), PaymentFrequency.SEMIMONTHLY, false);
        assertThat(apr.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("10.34");
    }

    @Test
    void aRegularLoanDisclosesItsNoteRate() {
        // With a regular first month and a payment rounded to the cent, the APR equals the note rate to 2 decimals.
        Schedule s = ScheduleCalculator.calculate(LoanTerms.builder().loanAmount("200000").loanRate("6")
                .loanTerm(360).contractDate("2023-01-01").firstPaymentDate("2023-02-01")
                .daysInYear(org.openlms.engine.terms.DaysInYear.FREQUENCY).build());
        assertThat(s.disclosure().apr().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("6.00");
    }

    @Test
    void longOddFirstPeriodCountsWholeMonthsBackFromTheFirstPayment() {
        // Advance Feb 10, first payment Apr 20: two whole months back to Feb 20, 10 odd days.
        assertThat(AprCalculator.wholeUnitsAndOddDays(LocalDate.of(1978, 2, 10), LocalDate.of(1978, 4, 20),
                PaymentFrequency.MONTHLY)).containsExactly(2, 10);
    }
}
