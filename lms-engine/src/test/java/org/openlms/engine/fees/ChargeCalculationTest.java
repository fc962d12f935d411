package org.openlms.engine.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.engine.fees.ChargeCalculation.Base;
import org.openlms.engine.fees.ChargeCalculation.Bases;
import org.openlms.engine.fees.ChargeCalculation.Bracket;

/** A loan 250.00 past due, 9,500.00 principal, next due 1,066.19, regular payment 1,066.19, lent 12,000.00. */
class ChargeCalculationTest {

    private static final Bases LOAN = new Bases(m("250.00"), m("9500.00"), m("1066.19"), m("1066.19"), m("12000.00"));

    private static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    @Test
    void fixedIsTheAmount() {
        assertThat(new ChargeCalculation.Fixed(m("25")).amount(LOAN)).isEqualByComparingTo("25.00");
    }

    @Test
    void percentageOfEachBaseRoundsHalfUpToCents() {
        assertThat(new ChargeCalculation.Percentage(m("5"), Base.APD).amount(LOAN)).isEqualByComparingTo("12.50");
        assertThat(new ChargeCalculation.Percentage(m("1.5"), Base.CPB).amount(LOAN)).isEqualByComparingTo("142.50");
        // 1066.19 x 2.5 % = 26.65475 -> 26.65; 1066.19 x 0.125 % = 1.3327... -> 1.33
        assertThat(new ChargeCalculation.Percentage(m("2.5"), Base.NDA).amount(LOAN)).isEqualByComparingTo("26.65");
        assertThat(new ChargeCalculation.Percentage(m("0.125"), Base.DPA).amount(LOAN)).isEqualByComparingTo("1.33");
        assertThat(new ChargeCalculation.Percentage(m("1"), Base.OLA).amount(LOAN)).isEqualByComparingTo("120.00");
        // 0.05 % of 250.00 is 0.125, which rounds half up to 0.13
        assertThat(new ChargeCalculation.Percentage(m("0.05"), Base.APD).amount(LOAN)).isEqualByComparingTo("0.13");
    }

    @Test
    void percentageOfNothingIsNoCharge() {
        Bases current = new Bases(m("0.00"), m("9500.00"), m("1066.19"), m("1066.19"), m("12000.00"));
        assertThat(new ChargeCalculation.Percentage(m("5"), Base.APD).amount(current).signum()).isZero();
    }

    @Test
    void contingencyTakesTheBracketHoldingTheBase() {
        ChargeCalculation c = new ChargeCalculation.Contingency(Base.APD, List.of(
            new Bracket(m("0.01"), m("100.00"), m("10"), null),
            new Bracket(m("100.01"), m("500.00"), m("20"), null),
            new Bracket(m("500.01"), null, null, m("5"))));
        assertThat(c.amount(LOAN)).isEqualByComparingTo("20.00");
        assertThat(c.amount(withApd("100.00"))).isEqualByComparingTo("10.00");
        assertThat(c.amount(withApd("100.01"))).isEqualByComparingTo("20.00");
        assertThat(c.amount(withApd("1000.00"))).isEqualByComparingTo("50.00");
        assertThat(c.amount(withApd("0.00")).signum()).isZero(); // below the first bracket
    }

    @Test
    void badDefinitionsAreRefused() {
        assertThatThrownBy(() -> new ChargeCalculation.Fixed(m("0"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> new ChargeCalculation.Fixed(m("1.001"))).hasMessageContaining("cents");
        assertThatThrownBy(() -> new ChargeCalculation.Percentage(m("101"), Base.APD)).hasMessageContaining("100");
        assertThatThrownBy(() -> new ChargeCalculation.Contingency(Base.APD, List.of(
            new Bracket(m("0"), m("100"), m("10"), null), new Bracket(m("50"), null, m("20"), null))))
            .hasMessageContaining("bracket 2 must start above the end of bracket 1");
        assertThatThrownBy(() -> new Bracket(m("0"), null, m("1"), m("1"))).hasMessageContaining("either");
        assertThatThrownBy(() -> Base.of("xyz")).hasMessageContaining("xyz");
    }

    private static Bases withApd(String apd) {
        return new Bases(m(apd), LOAN.principalBalance(), LOAN.nextDueAmount(), LOAN.regularPayment(), LOAN.loanAmount());
    }
}
