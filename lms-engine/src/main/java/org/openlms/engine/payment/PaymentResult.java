package org.openlms.engine.payment;

import org.openlms.engine.state.LoanState;

/** The state after a payment and how the payment was applied. */
public record PaymentResult(LoanState state, Application application) {
}
