package org.openlms.engine.schedule;

import java.math.BigDecimal;
import org.openlms.engine.money.Money;
import org.openlms.engine.terms.LoanTerms;

/**
 * Rule of 78 (sum of the digits): the finance charge of the level-payment schedule (payment x n - amount) is
 * earned in period k in the proportion (n - k + 1) / (n (n + 1) / 2). Each period gets the rounded cumulative
 * charge minus the rounded cumulative charge before it, so parts are never negative and add up exactly.
 * A 0 % loan has no finance charge even if its payment was rounded up.
 */
final class Rule78 {
    private Rule78() {
    }

    static BigDecimal[] interest(LoanTerms t, BigDecimal payment) {
        int n = t.loanTerm();
        BigDecimal financeCharge = t.loanRate().signum() == 0 ? Money.ZERO : Money.max(Money.ZERO,
                payment.multiply(BigDecimal.valueOf(n)).subtract(Money.round(t.loanAmount())));
        BigDecimal digits = BigDecimal.valueOf((long) n * (n + 1) / 2);
        BigDecimal[] out = new BigDecimal[n];
        BigDecimal before = Money.ZERO;
        long cumulative = 0;
        for (int k = 0; k < n; k++) {
            cumulative += n - k;
            BigDecimal upTo = Money.round(financeCharge.multiply(BigDecimal.valueOf(cumulative))
                    .divide(digits, Money.CALC));
            out[k] = upTo.subtract(before);
            before = upTo;
        }
        return out;
    }
}
