package org.openlms.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

class DueDatesTest {
    private static LoanTerms terms(String first, PaymentFrequency f, boolean lastDom) {
        return LoanTerms.builder().loanAmount("1000").loanRate("5").loanTerm(12).contractDate("2023-01-01")
                .firstPaymentDate(first).paymentFrequency(f).dueDateOnLastDOM(lastDom).build();
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void monthEndStaysOnTheMonthEndInALeapYear() {
        assertThat(DueDates.generate(terms("2024-01-31", PaymentFrequency.MONTHLY, false), 4))
                .containsExactly(d("2024-01-31"), d("2024-02-29"), d("2024-03-31"), d("2024-04-30"));
    }

    @Test
    void monthEndInACommonYear() {
        assertThat(DueDates.generate(terms("2023-01-31", PaymentFrequency.MONTHLY, false), 3))
                .containsExactly(d("2023-01-31"), d("2023-02-28"), d("2023-03-31"));
    }

    @Test
    void lastDayOfMonthOptionMovesFebruaryTheTwentyEighthToMonthEnds() {
        assertThat(DueDates.generate(terms("2023-02-28", PaymentFrequency.MONTHLY, true), 3))
                .containsExactly(d("2023-02-28"), d("2023-03-31"), d("2023-04-30"));
        assertThat(DueDates.generate(terms("2023-02-28", PaymentFrequency.MONTHLY, false), 2))
                .containsExactly(d("2023-02-28"), d("2023-03-28"));
    }

    @Test
    void the30thFallsOnFebruaryEndAndComesBack() {
        assertThat(DueDates.generate(terms("2024-01-30", PaymentFrequency.MONTHLY, false), 3))
                .containsExactly(d("2024-01-30"), d("2024-02-29"), d("2024-03-30"));
    }

    @Test
    void semimonthlyFirstAndSixteenthOrFifteenthAndMonthEnd() {
        assertThat(DueDates.generate(terms("2023-03-01", PaymentFrequency.SEMIMONTHLY, false), 4))
                .containsExactly(d("2023-03-01"), d("2023-03-16"), d("2023-04-01"), d("2023-04-16"));
        assertThat(DueDates.generate(terms("2023-01-15", PaymentFrequency.SEMIMONTHLY, false), 4))
                .containsExactly(d("2023-01-15"), d("2023-01-30"), d("2023-02-15"), d("2023-02-28"));
        assertThat(DueDates.generate(terms("2023-01-20", PaymentFrequency.SEMIMONTHLY, false), 3))
                .containsExactly(d("2023-01-20"), d("2023-02-05"), d("2023-02-20"));
    }

    @Test
    void weeklyBiweeklyQuarterlySemiannualAnnual() {
        assertThat(DueDates.generate(terms("2023-01-06", PaymentFrequency.WEEKLY, false), 3))
                .containsExactly(d("2023-01-06"), d("2023-01-13"), d("2023-01-20"));
        assertThat(DueDates.generate(terms("2023-01-06", PaymentFrequency.BIWEEKLY, false), 3))
                .containsExactly(d("2023-01-06"), d("2023-01-20"), d("2023-02-03"));
        assertThat(DueDates.generate(terms("2023-11-30", PaymentFrequency.QUARTERLY, false), 3))
                .containsExactly(d("2023-11-30"), d("2024-02-29"), d("2024-05-30"));
        assertThat(DueDates.generate(terms("2023-08-31", PaymentFrequency.SEMIANNUALLY, false), 2))
                .containsExactly(d("2023-08-31"), d("2024-02-29"));
        assertThat(DueDates.generate(terms("2024-02-29", PaymentFrequency.ANNUALLY, false), 2))
                .containsExactly(d("2024-02-29"), d("2025-02-28"));
    }
}
