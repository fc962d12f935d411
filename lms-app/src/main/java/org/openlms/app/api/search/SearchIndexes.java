package org.openlms.app.api.search;

import static org.openlms.app.api.search.SearchField.Kind.DATE;
import static org.openlms.app.api.search.SearchField.Kind.DECIMAL;
import static org.openlms.app.api.search.SearchField.Kind.INTEGER;
import static org.openlms.app.api.search.SearchField.Kind.KEYWORD;
import static org.openlms.app.api.search.SearchField.Kind.SSN_LAST4;
import static org.openlms.app.api.search.SearchField.Kind.TEXT;

import java.util.List;

/** The two search indexes LoanPro exposes, as SQL over the tenant database. */
final class SearchIndexes {

  /**
   * One row per live loan: its setup, its primary customer, the names of all its customers and its latest
   * status-archive row (null figures when it has none), and the titles of its status and sub-status.
   */
  static final SearchIndex LOANS = SearchIndex.of("Loans", """
      (SELECT l.id, l.display_id, l.title, l.archived::int AS archived, s.loan_amount, s.contract_date,
          pc.name AS primary_customer_name, pc.primary_phone, t.loan_status_id, t.loan_sub_status_id,
          st.title AS loan_status_text, sub.title AS loan_sub_status_text,
          a.days_past_due, a.principal_balance, a.payoff, a.next_payment_date, a.next_payment_amount,
          (SELECT string_agg(c.first_name, ' ') FROM loan_customer lc JOIN customer c ON c.id = lc.customer_id
           WHERE lc.loan_id = l.id) AS customer_first_names,
          (SELECT string_agg(c.last_name, ' ') FROM loan_customer lc JOIN customer c ON c.id = lc.customer_id
           WHERE lc.loan_id = l.id) AS customer_last_names
       FROM loan l
       JOIN loan_setup s ON s.loan_id = l.id
       JOIN loan_settings t ON t.loan_id = l.id
       LEFT JOIN loan_status st ON st.id = t.loan_status_id
       LEFT JOIN loan_sub_status sub ON sub.id = t.loan_sub_status_id
       LEFT JOIN LATERAL (SELECT x.days_past_due, x.principal_balance, x.payoff, x.next_payment_date,
               x.next_payment_amount
           FROM loan_status_archive x WHERE x.loan_id = l.id ORDER BY x.date DESC LIMIT 1) a ON TRUE
       LEFT JOIN LATERAL (SELECT COALESCE(NULLIF(concat_ws(' ', c.first_name, c.last_name), ''), c.company_name)
               AS name, c.primary_phone
           FROM loan_customer lc JOIN customer c ON c.id = lc.customer_id
           WHERE lc.loan_id = l.id AND lc.role = 'loan.customerRole.primary') pc ON TRUE
       WHERE NOT l.deleted) AS doc""", "id", List.of(
      new SearchField("id", "id", INTEGER),
      new SearchField("displayId", "display_id", KEYWORD),
      new SearchField("title", "title", TEXT),
      new SearchField("primaryCustomerName", "primary_customer_name", TEXT),
      new SearchField("primaryPhone", "primary_phone", KEYWORD),
      new SearchField("loanStatusId", "loan_status_id", INTEGER),
      new SearchField("loanStatusText", "loan_status_text", TEXT),
      new SearchField("loanSubStatusId", "loan_sub_status_id", INTEGER),
      new SearchField("loanSubStatusText", "loan_sub_status_text", TEXT),
      new SearchField("daysPastDue", "days_past_due", INTEGER),
      new SearchField("loanAmount", "loan_amount", DECIMAL),
      new SearchField("principalBalance", "principal_balance", DECIMAL),
      new SearchField("payoff", "payoff", DECIMAL),
      new SearchField("nextPaymentDate", "next_payment_date", DATE),
      new SearchField("nextPaymentAmount", "next_payment_amount", DECIMAL),
      new SearchField("contractDate", "contract_date", DATE),
      new SearchField("archived", "archived", INTEGER),
      // The loan index's nested customers, as clients query them: a word of any linked customer's name.
      SearchField.queryOnly("customers.firstName", "customer_first_names", TEXT),
      SearchField.queryOnly("customers.lastName", "customer_last_names", TEXT)));

  /** One row per customer with the city and state of the primary address. */
  static final SearchIndex CUSTOMERS = SearchIndex.of("Customers", """
      (SELECT c.id, c.custom_id, c.first_name, c.last_name, c.company_name, c.email, c.ssn_last4,
          c.primary_phone, p.city, p.state
       FROM customer c
       LEFT JOIN customer_address p ON p.customer_id = c.id AND p.kind = 'primary') AS doc""", "id", List.of(
      new SearchField("id", "id", INTEGER),
      new SearchField("customId", "custom_id", KEYWORD),
      new SearchField("firstName", "first_name", TEXT),
      new SearchField("lastName", "last_name", TEXT),
      new SearchField("companyName", "company_name", TEXT),
      new SearchField("email", "email", KEYWORD),
      new SearchField("ssn", "ssn_last4", SSN_LAST4),
      new SearchField("primaryPhone", "primary_phone", KEYWORD),
      new SearchField("city", "city", TEXT),
      new SearchField("state", "state", KEYWORD)));

  private SearchIndexes() {}
}
