package org.openlms.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {

    private final RuleCompiler compiler = new RuleCompiler();

    private final LoanFacts loan = LoanFacts.empty()
            .with(Fact.TODAY, LocalDate.of(2026, 11, 23))
            .with(Fact.STATUS_DAYS_PAST_DUE, 31)
            .with(Fact.STATUS_AMOUNT_PAST_DUE, new BigDecimal("250.75"))
            .with(Fact.STATUS_NEXT_PAYMENT_DATE, LocalDate.of(2026, 12, 1))
            .with(Fact.SETUP_LOAN_CLASS, "loan.class.consumer")
            .withIds(Fact.SETTINGS_PORTFOLIOS, List.of(3L, 7L))
            .withMap(Fact.CUSTOM, Map.of("collector", "Ann"));

    private boolean eval(String rule) throws Exception {
        return compiler.compile(rule).test(loan);
    }

    @Test
    void rulesReadTheLoansFactsByTheirDeclaredNames() throws Exception {
        assertThat(eval("status.daysPastDue > 30")).isTrue();
        assertThat(eval("status.daysPastDue > 31")).isFalse();
        assertThat(eval("status.amountPastDue >= 250.75 && setup.loanClass == 'loan.class.consumer'")).isTrue();
        assertThat(eval("7 in settings.portfolios && !(4 in settings.portfolios)")).isTrue();
        assertThat(eval("custom['collector'] == 'Ann'")).isTrue();
    }

    @Test
    void moneyComparesWithWholeNumbersAsWritten() throws Exception {
        // LoanPro's own example is (> status-amount-due 30): an int literal against money.
        assertThat(eval("status.amountPastDue > 30")).isTrue();
        assertThat(eval("status.amountPastDue > 251")).isFalse();
    }

    @Test
    void datesCompareAndCountDays() throws Exception {
        assertThat(eval("daysBetween(today, status.nextPaymentDate) == 8")).isTrue();
        assertThat(eval("daysBetween(status.nextPaymentDate, today) == -8")).isTrue();
        assertThat(eval("status.nextPaymentDate > today && today == date('2026-11-23')")).isTrue();
        // A date never set is the zero date, earlier than any real one.
        assertThat(eval("status.lastPaymentDate < date('1900-01-01')")).isTrue();
    }

    @Test
    void aTypoIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> compiler.compile("status.daysPastDue > 30 &&\n  status.dayPastDue > 2"))
                .isInstanceOfSatisfying(RuleRejectedException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    RuleRejectedException.Problem p = e.problems().get(0);
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isBetween(3, 10);
                    assertThat(p.message()).contains("status.dayPastDue").contains("did you mean 'status.daysPastDue'");
                });
    }

    @Test
    void aWrongTypeIsRefused() {
        assertThatThrownBy(() -> compiler.compile("status.daysPastDue > 'thirty'"))
                .isInstanceOfSatisfying(RuleRejectedException.class, e -> {
                    assertThat(e.problems().get(0).line()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("no matching overload");
                });
    }

    @Test
    void aConditionMustBeBoolean() {
        assertThatThrownBy(() -> compiler.compile("status.payoff + 1.0"))
                .isInstanceOf(RuleRejectedException.class)
                .hasMessageContaining("bool");
    }

    @Test
    void emptyMalformedAndOversizeRulesAreRefused() {
        assertThatThrownBy(() -> compiler.compile("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> compiler.compile("status.daysPastDue > ")).isInstanceOf(RuleRejectedException.class);
        assertThatThrownBy(() -> compiler.compile("true || ".repeat(700) + "true"))
                .hasMessageContaining("at most 4000");
        assertThatThrownBy(() -> compiler.compile("(".repeat(60) + "true" + ")".repeat(60)))
                .isInstanceOf(RuleRejectedException.class);
    }

    @Test
    void aRuleCannotLoopForeverOrBlowUpMemory() throws Exception {
        // Nested comprehensions multiply: 200 x 200 = 40,000 iterations is over the bound of 1,000.
        String nested = "[" + "1,".repeat(199) + "1].all(x, [" + "1,".repeat(199) + "1].all(y, x == y))";
        var rule = compiler.compile(nested);
        assertThatThrownBy(() -> rule.test(loan)).isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("Iteration budget exceeded");
    }

    @Test
    void anErrorOnOneLoanIsThrownForThatLoan() throws Exception {
        var rule = compiler.compile("custom['region'] == 'north'");
        assertThatThrownBy(() -> rule.test(loan)).isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("region");
        assertThat(rule.test(loan.withMap(Fact.CUSTOM, Map.of("region", "north")))).isTrue();
        var divide = compiler.compile("100 / status.daysPastDue > 1");
        assertThatThrownBy(() -> divide.test(loan.with(Fact.STATUS_DAYS_PAST_DUE, 0)))
                .isInstanceOf(RuleEvaluationException.class);
    }

    @Test
    void factsAreTypedWhenSet() {
        assertThatThrownBy(() -> LoanFacts.empty().with(Fact.STATUS_DAYS_PAST_DUE, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LoanFacts.empty().get(Fact.SETTINGS_FLAGS)).isEqualTo(List.of());
    }

    @Test
    void moneyFactsComeBackToTheCent() {
        for (String amount : new String[] {"0.10", "0.07", "1066.19", "999999999.99", "123456789012.34"}) {
            LoanFacts f = LoanFacts.empty().with(Fact.STATUS_PAYOFF, new java.math.BigDecimal(amount));
            assertThat(f.money(Fact.STATUS_PAYOFF)).isEqualByComparingTo(amount);
            assertThat(f.money(Fact.STATUS_PAYOFF).scale()).isEqualTo(2);
        }
    }
}
