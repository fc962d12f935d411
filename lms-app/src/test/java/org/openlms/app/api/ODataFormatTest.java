package org.openlms.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Vectors from the LoanPro reference, section 4.1. */
class ODataFormatTest {

  @Test
  void dateOnlyValuesAreMidnightUtcInEpochSeconds() {
    assertThat(ODataFormat.date(LocalDate.of(2025, 12, 1))).isEqualTo("/Date(1764547200)/");
    assertThat(ODataFormat.date(LocalDate.of(2015, 5, 7))).isEqualTo("/Date(1430956800)/");
    assertThat(ODataFormat.date(LocalDate.of(2015, 5, 8))).isEqualTo("/Date(1431043200)/");
  }

  @Test
  void instantsKeepTheirTimeOfDay() {
    assertThat(ODataFormat.date(Instant.parse("2015-03-31T19:22:12Z"))).isEqualTo("/Date(1427829732)/");
  }

  @Test
  void moneyIsAPlainDecimalString() {
    assertThat(ODataFormat.money(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(ODataFormat.money(new BigDecimal("12000.00"))).isEqualTo("12000.00");
  }
}
