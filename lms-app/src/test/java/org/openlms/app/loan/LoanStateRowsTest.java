package org.openlms.app.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class LoanStateRowsTest {

  @Test
  void storedDatesReadBackAsWritten() {
    for (LocalDate d = LocalDate.of(1999, 12, 25); d.isBefore(LocalDate.of(2032, 1, 10)); d = d.plusDays(1)) {
      assertThat(LoanStateRows.isoDate(d.toString())).isEqualTo(d);
    }
    for (LocalDate d : new LocalDate[] {LocalDate.of(10_000, 1, 1), LocalDate.of(-5, 3, 1), LocalDate.of(1, 1, 1)}) {
      assertThat(LoanStateRows.isoDate(d.toString())).isEqualTo(d);
    }
  }

  @Test
  void textThatIsNotADateIsRefusedAsByLocalDate() {
    assertThatThrownBy(() -> LoanStateRows.isoDate("2020-02-30")).isInstanceOf(java.time.DateTimeException.class);
    assertThatThrownBy(() -> LoanStateRows.isoDate("2020-0a-01")).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> LoanStateRows.isoDate("20-01-2020")).isInstanceOf(DateTimeParseException.class);
  }
}
