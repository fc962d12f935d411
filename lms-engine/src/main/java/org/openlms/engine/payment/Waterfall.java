package org.openlms.engine.payment;

import java.util.List;

/** A payment type's application order over what is due. */
public record Waterfall(List<PaymentApplication> order) {
    /** LoanPro's "Regular": fees, then interest, then principal (escrow and discount have no bucket here). */
    public static final Waterfall REGULAR = new Waterfall(List.of(PaymentApplication.FEES,
            PaymentApplication.ESCROW, PaymentApplication.INTEREST, PaymentApplication.DISCOUNT,
            PaymentApplication.PRINCIPAL));

    public Waterfall {
        if (order == null || order.isEmpty()) {
            throw new IllegalArgumentException("a waterfall needs at least one application step");
        }
        order = List.copyOf(order);
    }

    /** From LoanPro codes, e.g. {@code of("payment.application.interest", "payment.application.fees")}. */
    public static Waterfall of(String... codes) {
        return new Waterfall(java.util.Arrays.stream(codes).map(PaymentApplication::fromCode).toList());
    }
}
