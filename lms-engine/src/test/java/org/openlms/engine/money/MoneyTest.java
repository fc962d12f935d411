package org.openlms.engine.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void roundsHalfUpToCents() {
        assertThat(Money.round(new BigDecimal("1.005"))).isEqualTo(new BigDecimal("1.01"));
        assertThat(Money.round(new BigDecimal("1.0049999"))).isEqualTo(new BigDecimal("1.00"));
        assertThat(Money.round(new BigDecimal("-1.005"))).isEqualTo(new BigDecimal("-1.01"));
    }

    @Test
    void roundsToFewerDecimalsButKeepsCentScale() {
        assertThat(Money.round(new BigDecimal("1432.25"), 0)).isEqualTo(new BigDecimal("1432.00"));
        assertThat(Money.round(new BigDecimal("1432.25"), 1)).isEqualTo(new BigDecimal("1432.30"));
    }

    @Test
    void parsesMoneyAndRefusesHiddenFractions() {
        assertThat(Money.of("15000")).isEqualTo(new BigDecimal("15000.00"));
        assertThat(Money.of("1.500")).isEqualTo(new BigDecimal("1.50"));
        assertThatThrownBy(() -> Money.of("1.005")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accrualKeepsTenDecimals() {
        assertThat(Money.accrual(new BigDecimal("1.93150684931506")).scale()).isEqualTo(10);
    }
}
