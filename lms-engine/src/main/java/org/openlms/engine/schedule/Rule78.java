package org.openlms.engine.schedule;

import java.math.BigDecimal;
import org.openlms.engine.money.Money;
import org.openlms.engine.terms.LoanTerms;

/**
 * Rule of 78 (sum of the digits): the finance charge of the level-payment schedule (payment x n - amount) is
 * earned in period k in the proportion (n - k + 1) / (n (n + 1) / 2). The last period takes the rounding
 * remainder so the parts add up to the whole charge exactly.
 */
final class Rule78 {
    private Rule78() {
    }

    static BigDecimal[] interest(LoanTerms t, BigDecimal payment) {
        int n = t.loanTerm();
        BigDecimal financeCharge = payment.multiply(BigDecimal.valueOf(n)).subtract(Money.round(t.loanAmount()));
        BigDecimal digits = BigDecimal.valueOf((long) n * (n + 1) / 2);
        BigDecimal[] out = new BigDecimal[n];
        BigDecimal sum = Money.ZERO;
        for (int k = 0; k < n; k++) {
            if (k == n - 1) {
                out[k] = financeCharge.subtract(sum);
            } else {
                out[k] = Money.round(financeCharge.multiply(BigDecimal.valueOf(n - k)).divide(digits, Money.CALC));
                sum = sum.add(out[k]);
            }
        }
        return out;
    }
}
