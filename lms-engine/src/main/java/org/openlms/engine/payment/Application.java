package org.openlms.engine.payment;

import java.math.BigDecimal;

/**
 * What a payment did, in cents. fees + interest + principal + held + unapplied always equals the amount:
 * {@code held} waits for the next due date (betweenPeriods), {@code unapplied} is more than the loan owed.
 */
public record Application(BigDecimal fees, BigDecimal interest, BigDecimal principal, BigDecimal held,
                          BigDecimal unapplied) {
    public BigDecimal total() {
        return fees.add(interest).add(principal).add(held).add(unapplied);
    }
}
