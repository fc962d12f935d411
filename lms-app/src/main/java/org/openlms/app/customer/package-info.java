/**
 * Customers of a tenant (individuals and companies) with their primary and mailing addresses, and their links
 * to loans with LoanPro's roles (one primary per loan). Each change is one transaction with its audit row;
 * the SSN is stored as given but never written to logs or audit rows.
 */
package org.openlms.app.customer;
