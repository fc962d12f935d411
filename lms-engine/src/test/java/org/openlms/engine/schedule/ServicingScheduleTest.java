package org.openlms.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openlms.engine.terms.CalcType;
import org.openlms.engine.terms.DaysInYear;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

/** A schedule for servicing has exactly the installments of the full one; only the APR is left out. */
class ServicingScheduleTest {

  @Test
  void servicingSchedulesEqualFullSchedulesExceptForTheApr() {
    for (PaymentFrequency f : PaymentFrequency.values()) {
      for (CalcType c : new CalcType[] {CalcType.SIMPLE_INTEREST, CalcType.RULE_78, CalcType.INTEREST_ONLY}) {
        LoanTerms t = LoanTerms.builder().loanAmount("12345.67").loanRate("9.9").loanTerm(f == PaymentFrequency.SINGLE ? 1 : 24)
            .contractDate(LocalDate.of(2024, 1, 31)).firstPaymentDate(LocalDate.of(2024, 2, 29)).paymentFrequency(f)
            .calcType(c).daysInYear(DaysInYear.ACTUAL).build();
        Schedule full = ScheduleCalculator.calculate(t);
        Schedule servicing = ScheduleCalculator.forServicing(t);
        assertThat(servicing.installments()).as(f + " " + c).isEqualTo(full.installments());
        assertThat(servicing.regularPayment()).isEqualTo(full.regularPayment());
        assertThat(servicing.disclosure().apr()).isNull();
        assertThat(full.disclosure().apr()).isNotNull();
        assertThat(servicing.disclosure().tilTotalOfPayments()).isEqualTo(full.disclosure().tilTotalOfPayments());
      }
    }
  }
}
