/**
 * Loans of a tenant: the loan row, its terms (LoanSetup, with the figures the engine computes from them) and
 * settings, its payments and charges, and the use cases that change them, each one transaction with its audit
 * row. It calls the pure engine for every number and reads and writes only the tenant database it is handed.
 */
package org.openlms.app.loan;
