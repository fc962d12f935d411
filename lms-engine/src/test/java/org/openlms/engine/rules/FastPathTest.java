package org.openlms.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path gives CEL's answer, or CEL's error, for every rule and every loan: each rule below is evaluated both
 * ways over thousands of facts, edge values included (zero, -0.0, NaN, infinities, the int bounds, unset dates).
 */
class FastPathTest {

    /** Plain rules a tenant writes (the maintenance benchmark's among them): all of them take the fast path. */
    private static final List<String> PLAIN = List.of(
            "status.daysPastDue > 90",
            "status.daysPastDue > 60 && status.daysPastDue <= 90",
            "status.daysPastDue == 0 && settings.loanStatusId == 2",
            "status.principalBalance > 20000",
            "status.principalBalance <= 20000 && 11 in settings.portfolios",
            "setup.loanAmount < 5000",
            "daysBetween(setup.contractDate, today) > 365",
            "status.amountPastDue > 500.0 && settings.autopayEnabled",
            "setup.paymentFrequency == 'loan.frequency.weekly' && status.daysPastDue > 7",
            "status.uniqueDelinquencies > 3 && !(12 in settings.portfolios)",
            "status.payoff > 0.0 && status.payoff < 100.0",
            "status.nextPaymentAmount > setup.payment * 1.5",
            "daysBetween(today, status.nextPaymentDate) == 3 && !settings.autopayEnabled",
            "status.lastPaymentDate < date('1900-01-01') && status.loanAge > 60",
            "status.loanAge > 0 && status.loanAge % 30 == 0",
            "true",
            // edges: overflow, division by zero, errors absorbed or not by && and ||, -0.0, NaN, mixed numbers
            "status.daysPastDue + 9223372036854775807 > 0",
            "status.daysPastDue - 2 * status.loanAge < 0",
            "-status.daysPastDue < 0",
            "status.loanAge % status.daysPastDue == 0",
            "status.loanAge / status.daysPastDue > 1",
            "status.daysPastDue > 5 && status.loanAge % status.daysPastDue == 0",
            "status.loanAge % status.daysPastDue == 0 || true",
            "status.loanAge % status.daysPastDue == 0 || status.daysPastDue > 5",
            "status.payoff == 0.0",
            "0.0 == status.payoff && status.dueFees != -0.0",
            "status.payoff < 0",
            "status.payoff >= 0",
            "0 > status.payoff",
            "status.daysPastDue <= status.payoff",
            "status.payoff / 0.0 > 1.0",
            "-status.payoff + status.dueFees - 1.0 != status.principalBalance",
            "today == setup.contractDate",
            "today >= setup.contractDate || today < status.nextPaymentDate",
            "setup.loanType == 'x' || settings.autopayEnabled == false",
            "3 in settings.portfolios && !(4 in settings.flags)",
            "date(setup.loanClass) < today",
            "date('2024-13-01') < today",
            "status.daysPastDue > 0 ? status.payoff > 100.0 : setup.loanAmount < 1.0");

    /** Rules using what the fast path leaves to CEL: still evaluated right (by CEL). */
    private static final List<String> CEL_ONLY = List.of(
            "settings.loanStatusId in [1, 2, 3]",
            "custom['x'] == 'y'",
            "setup.loanType < 'm'",
            "settings.portfolios.exists(p, p > 10)",
            "size(settings.flags) > 1",
            "settings.portfolios == [11]");

    @Test
    void plainRulesTakeTheFastPathAndOthersDoNot() throws Exception {
        RuleCompiler compiler = new RuleCompiler();
        for (String r : PLAIN) {
            assertThat(compiler.compile(r).hasFastPath()).as(r).isTrue();
        }
        for (String r : CEL_ONLY) {
            assertThat(compiler.compile(r).hasFastPath()).as(r).isFalse();
        }
    }

    @Test
    void everyRuleGivesCelsAnswerOrCelsErrorOnEveryLoan() throws Exception {
        RuleCompiler compiler = new RuleCompiler();
        List<CompiledRule> rules = new ArrayList<>();
        for (String r : PLAIN) {
            rules.add(compiler.compile(r));
        }
        for (String r : CEL_ONLY) {
            rules.add(compiler.compile(r));
        }
        Random random = new Random(42);
        int errors = 0;
        int trues = 0;
        for (int i = 0; i < 3_000; i++) {
            LoanFacts facts = randomFacts(random);
            for (CompiledRule rule : rules) {
                Object expected = outcome(rule, facts, true);
                Object actual = outcome(rule, facts, false);
                if (!expected.equals(actual)) {
                    fail(rule.source() + " on " + facts + ": CEL " + expected + ", fast path " + actual);
                }
                errors += expected instanceof String ? 1 : 0;
                trues += Boolean.TRUE.equals(expected) ? 1 : 0;
            }
        }
        // the facts reach both answers and CEL's errors, so the comparison covers all three
        assertThat(errors).isGreaterThan(1_000);
        assertThat(trues).isGreaterThan(10_000);
    }

    /** True, false, or the error's message. */
    private static Object outcome(CompiledRule rule, LoanFacts facts, boolean celOnly) {
        try {
            return celOnly ? rule.testWithCel(facts) : rule.test(facts);
        } catch (RuleEvaluationException e) {
            return "error: " + e.getMessage();
        }
    }

    private static final long[] INTS = {0, 1, -1, 2, 3, 5, 7, 30, 60, 61, 90, 91, 365, 400, Long.MAX_VALUE,
        Long.MIN_VALUE, (1L << 53) + 1, -(1L << 53) - 1};
    private static final double[] DOUBLES = {0.0, -0.0, 1.0, -1.0, 50.0, 99.99, 500.01, 4999.99, 20000.0, 20000.01,
        30000.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e19, -1e19, 9007199254740993.0};

    private static LoanFacts randomFacts(Random r) {
        LoanFacts.Builder b = LoanFacts.builder().set(Fact.TODAY, LocalDate.of(2026, 3, 1).plusDays(r.nextInt(5)));
        for (Fact f : Fact.values()) {
            if (f == Fact.TODAY || r.nextInt(8) == 0) {
                continue; // unset: the type's zero
            }
            switch (f.type()) {
                case INT -> b.set(f, r.nextBoolean() ? INTS[r.nextInt(INTS.length)] : r.nextInt(200) - 20);
                case DOUBLE -> { // a money fact reaches the rules as a double: some edge values are set directly
                    if (r.nextBoolean()) {
                        b.set(f, BigDecimal.valueOf(r.nextInt(4_000_000), 2));
                    } else {
                        b.setDouble(f, DOUBLES[r.nextInt(DOUBLES.length)]);
                    }
                }
                case STRING -> b.set(f, List.of("", "x", "loan.frequency.weekly", "2024-02-29", "zz").get(r.nextInt(5)));
                case BOOL -> b.set(f, r.nextBoolean());
                case TIMESTAMP -> b.set(f, r.nextInt(6) == 0 ? LoanFacts.ZERO_DATE
                        : LocalDate.of(2026, 3, 1).plusDays(r.nextInt(900) - 600));
                case INT_LIST -> b.setIds(f, List.of(List.<Long>of(), List.of(11L), List.of(3L, 12L),
                        List.of(4L, 11L, 12L)).get(r.nextInt(4)));
                default -> { }
            }
        }
        return b.build();
    }
}
