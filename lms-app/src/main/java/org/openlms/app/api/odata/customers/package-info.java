/**
 * The Customers entity set of the LoanPro-compatible API: LoanPro's customer JSON in and out (nested
 * PrimaryAddress and MailAddress, codes, {@code /Date()/}, the SSN answered masked), OData options, and the
 * navigations between customers and loans. Rules live in {@code org.openlms.app.customer}.
 */
package org.openlms.app.api.odata.customers;
