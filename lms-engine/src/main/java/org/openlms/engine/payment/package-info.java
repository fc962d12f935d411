/**
 * Owns payments: the application waterfall (LoanPro's payment.application.* names), extra amounts toward
 * principal or next periods, principal-only payments, and what a payment did. Reversal is a replay without the
 * payment (see the replay package), so a reversed loan equals one that never had it.
 */
package org.openlms.engine.payment;
