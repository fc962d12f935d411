/**
 * The Loans entity set of the LoanPro-compatible API: LoanPro's JSON in and out (codes, money as strings,
 * {@code /Date()/}), mapped to the loan use cases. It holds no business rules; those are in
 * {@code org.openlms.app.loan} and the engine.
 */
package org.openlms.app.api.odata.loans;
