package org.openlms.app.api.odata.query;

import static org.openlms.app.api.odata.query.ODataType.BOOLEAN;
import static org.openlms.app.api.odata.query.ODataType.DATE;
import static org.openlms.app.api.odata.query.ODataType.DATETIME;
import static org.openlms.app.api.odata.query.ODataType.DECIMAL;
import static org.openlms.app.api.odata.query.ODataType.INTEGER;
import static org.openlms.app.api.odata.query.ODataType.STRING;

/** A small entity model shaped like LoanPro's: TenantDMStats, Loans, LoanStatusArchive, LoanSetup, Customers. */
final class TestModel {
  static final ODataEntity DM_STATS = ODataEntity
      .builder("TenantDMStats", "Entity.TenantDMStats", "dm_stats_entity", "id")
      .property("id", "id", INTEGER)
      .property("date", "stat_date", DATE)
      .property("queued", "queued_at", DATETIME)
      .property("inProgress", "in_progress_at", DATETIME)
      .property("completed", "completed_at", DATETIME)
      .property("totalLoans", "total_loans", INTEGER)
      .property("maintainedLoans", "maintained_loans", INTEGER)
      .build();

  static final ODataEntity LOANS = ODataEntity.builder("Loans", "Entity.Loan", "loan l", "l.id")
      .property("id", "l.id", INTEGER)
      .property("displayId", "l.display_id", STRING)
      .property("title", "l.title", STRING)
      .property("loanAmount", "l.loan_amount", DECIMAL)
      .property("active", "l.active", BOOLEAN)
      .property("contractDate", "l.contract_date", DATE)
      .property("created", "l.created_at", DATETIME)
      .property("balanceAfterFees", "l.balance - l.fees", DECIMAL)
      .add(ODataProperty.selectOnly("settingsJson", "l.settings_json", STRING))
      .navigation(ODataNavigation.many("StatusArchive", "LoanStatusArchive", "l.id", "a.loan_id"))
      .navigation(ODataNavigation.one("LoanSetup", "LoanSetup", "l.id", "s.loan_id"))
      .navigation(ODataNavigation.many("Customers", "Customers", "l.id", "lc.loan_id"))
      .build();

  static final ODataEntity ARCHIVE = ODataEntity
      .builder("LoanStatusArchive", "Entity.StatusArchive", "loan_status_archive a", "a.id")
      .property("id", "a.id", INTEGER)
      .property("loanId", "a.loan_id", INTEGER)
      .property("date", "a.archive_date", DATE)
      .property("daysPastDue", "a.days_past_due", INTEGER)
      .build();

  static final ODataEntity SETUP = ODataEntity.builder("LoanSetup", "Entity.LoanSetup", "loan_setup s", "s.id")
      .property("id", "s.id", INTEGER)
      .build();

  static final ODataEntity CUSTOMERS = ODataEntity
      .builder("Customers", "Entity.Customer", "customer c JOIN loan_customer lc ON lc.customer_id = c.id", "c.id")
      .property("id", "c.id", INTEGER)
      .property("firstName", "c.first_name", STRING)
      .navigation(ODataNavigation.many("Loans", "Loans", "c.id", "lc2.customer_id"))
      .build();

  static final ODataModel MODEL = ODataModel.of(DM_STATS, LOANS, ARCHIVE, SETUP, CUSTOMERS);

  private TestModel() {
  }
}
