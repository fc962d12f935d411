/**
 * {@code odata.svc/Portfolios} and {@code odata.svc/SubPortfolios} in LoanPro's shapes, the loan navigations
 * {@code Loans(id)/Portfolios} and {@code Loans(id)/SubPortfolios}, and the reader of a loan payload's
 * {@code Portfolios}/{@code SubPortfolios} links. Persistence and the restriction rules live in
 * {@code org.openlms.app.portfolio}.
 */
package org.openlms.app.api.odata.portfolios;
