package org.openlms.app.customer;

/**
 * One change to a loan's customers: link (or change the role of) a customer, or unlink it ({@code destroy}).
 * {@code role} is null only when unlinking.
 */
public record LoanLink(long customerId, CustomerRole role, boolean destroy) {}
