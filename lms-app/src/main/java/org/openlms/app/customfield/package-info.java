/**
 * Loan custom fields: the values a lender keeps on a loan beyond LoanPro's fixed fields (a collections agency, a
 * risk grade, a branch). The tenant defines each field by name and type ({@code odata.svc/CustomFields}); values
 * are set through {@code LoanSettings.customFieldValues}, read through {@code CustomFieldValues}, checked against
 * the field's type, and given to rules as {@code loan.custom["name"]}.
 */
package org.openlms.app.customfield;
