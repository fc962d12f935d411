/**
 * Restriction groups: portfolios and sub-portfolios, which loans belong to them ({@link PortfolioMembership},
 * also the API the automation rules use to add and remove memberships), and what a token restricted to some
 * portfolios may see ({@link PortfolioRestriction}, checked by {@link Restrictions}). Owns the tables
 * {@code portfolio}, {@code sub_portfolio}, {@code loan_portfolio} and {@code loan_sub_portfolio}; reads loans
 * and customer links but never changes them.
 */
package org.openlms.app.portfolio;
