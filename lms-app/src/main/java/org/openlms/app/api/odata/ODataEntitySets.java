package org.openlms.app.api.odata;

import org.openlms.app.api.odata.query.ODataEntity;
import org.openlms.app.api.odata.query.ODataModel;
import org.openlms.app.api.odata.query.ODataProperty;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.openlms.app.api.odata.query.ODataQueryPlanner;
import org.openlms.app.api.odata.query.ODataType;
import org.openlms.app.api.odata.query.QueryPlan;
import org.springframework.stereotype.Component;

/**
 * The entity sets that accept OData query options, each mapped to its tenant-database table. Only the columns
 * declared here can be filtered, sorted or selected; everything a client writes reaches SQL as a parameter.
 */
@Component
public class ODataEntitySets {

  static final ODataEntity TENANT_DM_STATS = ODataEntity.builder("TenantDMStats", "Entity.TenantDMStats",
          "dm_stats_entity", "id")
      .property("id", "id", ODataType.INTEGER)
      .property("date", "date", ODataType.DATE)
      .property("kind", "kind", ODataType.STRING)
      .property("queued", "queued", ODataType.DATETIME)
      .property("inProgress", "in_progress", ODataType.DATETIME)
      .property("completed", "completed", ODataType.DATETIME)
      .property("warningFlagsEvaluation", "warning_flags_evaluation", ODataType.DATETIME)
      .property("stoplightEvaluation", "stoplight_evaluation", ODataType.DATETIME)
      .property("reverseCalcCompleted", "reverse_calc_completed", ODataType.DATETIME)
      .property("totalLoans", "total_loans", ODataType.INTEGER)
      .property("maintainedLoans", "maintained_loans", ODataType.INTEGER)
      .property("failedLoans", "failed_loans", ODataType.INTEGER)
      .build();

  /** Deleted loans are not part of the set at all, as in LoanPro (Loan.active is always 1 when readable). */
  static final ODataEntity LOANS = ODataEntity.builder("Loans", "Entity.Loan",
          "(SELECT * FROM loan WHERE NOT deleted) AS loan", "id")
      .property("id", "id", ODataType.INTEGER)
      // A loan has one setup and one settings row, numbered as the loan (as its answers show them).
      .property("settingsId", "id", ODataType.INTEGER)
      .property("setupId", "id", ODataType.INTEGER)
      .property("displayId", "display_id", ODataType.STRING)
      .property("title", "title", ODataType.STRING)
      .property("created", "created", ODataType.DATETIME)
      .property("lastUpdate", "last_update", ODataType.DATETIME)
      .property("lastMaintRun", "last_maintained_date", ODataType.DATE)
      .property("archived", "archived::int", ODataType.INTEGER)
      .property("temporaryAccount", "temporary_account::int", ODataType.INTEGER)
      .property("active", "(NOT deleted)::int", ODataType.INTEGER)
      .property("deleted", "deleted::int", ODataType.INTEGER)
      .property("modId", "mod_id", ODataType.INTEGER)
      .property("loanAlert", "loan_alert", ODataType.STRING)
      .build();

  /**
   * The reverse-calculated daily archive, one row per loan and day: its key (and last sort key) is both, in its
   * primary key's order, so pages over several loans neither repeat nor skip rows of the same day.
   */
  static final ODataEntity STATUS_ARCHIVE = ODataEntity.builder("LoanStatusArchive", "Entity.StatusArchive",
          "loan_status_archive", "loan_id, date")
      // LoanPro's documentation filters the archive "by a specific loan ID" with id eq 123, and its sample row
      // has id = loanId: a row's id is its loan's.
      .property("id", "loan_id", ODataType.INTEGER)
      .property("loanId", "loan_id", ODataType.INTEGER)
      .property("date", "date", ODataType.DATE)
      .property("amountDue", "amount_due", ODataType.DECIMAL)
      .property("dueInterest", "due_interest", ODataType.DECIMAL)
      .property("duePrincipal", "due_principal", ODataType.DECIMAL)
      .property("dueFees", "due_fees", ODataType.DECIMAL)
      .property("nextPaymentDate", "next_payment_date", ODataType.DATE)
      .property("nextPaymentAmount", "next_payment_amount", ODataType.DECIMAL)
      .property("principalBalance", "principal_balance", ODataType.DECIMAL)
      .property("daysPastDue", "days_past_due", ODataType.INTEGER)
      .property("payoff", "payoff", ODataType.DECIMAL)
      .property("perdiem", "perdiem", ODataType.DECIMAL)
      .property("periodsRemaining", "periods_remaining", ODataType.INTEGER)
      .build();

  static final ODataEntity PAYMENTS = ODataEntity.builder("Payments", "Entity.Payment", "loan_payment", "id")
      .property("id", "id", ODataType.INTEGER)
      .property("entityId", "loan_id", ODataType.INTEGER)
      .property("date", "date", ODataType.DATE)
      .property("amount", "amount", ODataType.DECIMAL)
      .property("info", "info", ODataType.STRING)
      .property("paymentTypeId", "payment_type_id", ODataType.INTEGER)
      .property("paymentMethodId", "payment_method_id", ODataType.INTEGER)
      .property("active", "active::int", ODataType.INTEGER)
      .property("created", "created", ODataType.DATETIME)
      .build();

  /** Charges on loans, each with its type's code (the row maps to a ChargeRecord). */
  static final ODataEntity CHARGES = ODataEntity.builder("LoanCharges", "Entity.LoanCharge",
          "(SELECT c.*, t.code AS type_code FROM loan_charge c JOIN charge_type t ON t.id = c.charge_type_id) AS c",
          "id")
      .property("id", "id", ODataType.INTEGER)
      .property("displayId", "id", ODataType.INTEGER)
      .property("entityId", "loan_id", ODataType.INTEGER)
      .property("amount", "amount", ODataType.DECIMAL)
      .property("date", "date", ODataType.DATE)
      .property("info", "info", ODataType.STRING)
      .property("chargeTypeId", "charge_type_id", ODataType.INTEGER)
      .property("chargeApplicationType", "charge_application_type", ODataType.STRING)
      .property("interestBearing", "interest_bearing::int", ODataType.INTEGER)
      .property("active", "active::int", ODataType.INTEGER)
      .property("editComment", "edit_comment", ODataType.STRING)
      .property("reversed", "reversed", ODataType.DATETIME)
      .property("created", "created", ODataType.DATETIME)
      .build();

  /**
   * A loan's transactions are computed (replayed), not stored: the rows travel as one JSON parameter and
   * PostgreSQL reads them back as a record set, so $filter, $orderby and paging are the same translator's SQL
   * as on every stored set, with the same errors. {@code ord} is the row's place in the whole list (displayOrder).
   */
  public static final String TRANSACTION_ROWS = "jsonb_to_recordset(?::jsonb) AS tx(ord int, tx_id text, "
      + "entity_id bigint, type text, title text, date date, period int, period_start date, period_end date, "
      + "info_only int, payment_id bigint, payment_amount numeric, payment_interest numeric, "
      + "payment_principal numeric, payment_fees numeric, charge_amount numeric, future int, "
      + "principal_balance numeric)";

  static final ODataEntity TRANSACTIONS = ODataEntity.builder("LoanTransactions", "Entity.LoanTransaction",
          TRANSACTION_ROWS, "ord")
      .property("txId", "tx_id", ODataType.STRING)
      .property("entityType", "'Entity.Loan'::text", ODataType.STRING)
      .property("entityId", "entity_id", ODataType.INTEGER)
      .property("modId", "0", ODataType.INTEGER)
      .property("date", "date", ODataType.DATE)
      .property("period", "period", ODataType.INTEGER)
      .property("periodStart", "period_start", ODataType.DATE)
      .property("periodEnd", "period_end", ODataType.DATE)
      .property("title", "title", ODataType.STRING)
      .property("type", "type", ODataType.STRING)
      .property("infoOnly", "info_only", ODataType.INTEGER)
      .property("paymentId", "payment_id", ODataType.INTEGER)
      .property("paymentAmount", "payment_amount", ODataType.DECIMAL)
      .property("paymentInterest", "payment_interest", ODataType.DECIMAL)
      .property("paymentPrincipal", "payment_principal", ODataType.DECIMAL)
      .property("paymentDiscount", "0::numeric", ODataType.DECIMAL)
      .property("paymentFees", "payment_fees", ODataType.DECIMAL)
      .property("paymentEscrow", "0::numeric", ODataType.DECIMAL)
      .property("chargeAmount", "charge_amount", ODataType.DECIMAL)
      .property("chargeInterest", "0::numeric", ODataType.DECIMAL)
      .property("chargePrincipal", "0::numeric", ODataType.DECIMAL)
      .property("chargeFees", "charge_amount", ODataType.DECIMAL)
      .property("future", "future", ODataType.INTEGER)
      .property("principalBalance", "principal_balance", ODataType.DECIMAL)
      .property("displayOrder", "ord::text", ODataType.STRING)
      .build();

  /** Customers with their two addresses joined; the SSN can be selected (answered masked) but not filtered. */
  static final ODataEntity CUSTOMERS = ODataEntity.builder("Customers", "Entity.Customer",
          org.openlms.app.customer.CustomerRepository.ENTITY, "id")
      .property("id", "id", ODataType.INTEGER)
      .property("customId", "custom_id", ODataType.STRING)
      .property("customerType", "customer_type", ODataType.STRING)
      .property("customerIdType", "customer_id_type", ODataType.STRING)
      .property("status", "status", ODataType.STRING)
      .property("firstName", "first_name", ODataType.STRING)
      .property("middleName", "middle_name", ODataType.STRING)
      .property("lastName", "last_name", ODataType.STRING)
      .property("birthDate", "birth_date", ODataType.DATE)
      .property("gender", "gender", ODataType.STRING)
      .property("generationCode", "generation_code", ODataType.STRING)
      .property("email", "email", ODataType.STRING)
      .add(ODataProperty.selectOnly("ssn", "ssn_last4", ODataType.STRING))
      .property("driverLicense", "driver_license", ODataType.STRING)
      .property("companyName", "company_name", ODataType.STRING)
      .property("contactName", "contact_name", ODataType.STRING)
      .property("creditLimit", "credit_limit", ODataType.DECIMAL)
      .property("primaryPhone", "primary_phone", ODataType.STRING)
      .property("active", "active::int", ODataType.INTEGER)
      .property("created", "created", ODataType.DATETIME)
      .property("lastUpdate", "last_update", ODataType.DATETIME)
      .build();

  static final ODataEntity PORTFOLIOS = ODataEntity.builder("Portfolios", "Entity.Portfolio", "portfolio", "id")
      .property("id", "id", ODataType.INTEGER)
      .property("title", "title", ODataType.STRING)
      .property("numPrefix", "num_prefix", ODataType.STRING)
      .property("numSuffix", "num_suffix", ODataType.STRING)
      .property("categoryId", "category_id", ODataType.INTEGER)
      .property("entityType", "entity_type", ODataType.STRING)
      .property("active", "active::int", ODataType.INTEGER)
      .property("created", "created", ODataType.DATETIME)
      .build();

  static final ODataEntity SUB_PORTFOLIOS = ODataEntity.builder("SubPortfolios", "Entity.SubPortfolio",
          "sub_portfolio", "id")
      .property("id", "id", ODataType.INTEGER)
      .property("title", "title", ODataType.STRING)
      .property("parent", "portfolio_id", ODataType.INTEGER)
      .property("active", "active::int", ODataType.INTEGER)
      .property("created", "created", ODataType.DATETIME)
      .build();

  /** Custom field values of live loans, with their field's name and type (LoanPro keeps them on LoanSettings). */
  static final ODataEntity CUSTOM_FIELD_VALUES = ODataEntity.builder("CustomFieldValues", "Entity.CustomFieldValue",
          "(SELECT v.*, f.name AS field_name, f.type AS field_type FROM loan_custom_field_value v "
              + "JOIN custom_field f ON f.id = v.custom_field_id JOIN loan l ON l.id = v.loan_id WHERE NOT l.deleted) AS v",
          "id")
      .property("id", "id", ODataType.INTEGER)
      .property("entityId", "loan_id", ODataType.INTEGER)
      .property("entityType", "'Entity.LoanSettings'", ODataType.STRING)
      .property("customFieldId", "custom_field_id", ODataType.INTEGER)
      .property("customFieldName", "field_name", ODataType.STRING)
      .property("customFieldType", "field_type", ODataType.STRING)
      .property("customFieldValue", "value", ODataType.STRING)
      .property("lastUpdate", "last_update", ODataType.DATETIME)
      .build();

  /** Interest stopped and resumed on loans, by hand or by rules (adjustments of those kinds). */
  static final ODataEntity STOP_INTEREST_DATES = adjustments("StopInterestDates", "Entity.StopInterestDate",
      "CASE kind WHEN 'STOP_INTEREST' THEN 'loan.stopInterestType.suspend' ELSE 'loan.stopInterestType.resume' END",
      "'STOP_INTEREST', 'RESUME_INTEREST'");

  /** Amount past due reset on loans, by hand or by rules. */
  static final ODataEntity APD_ADJUSTMENTS = adjustments("APDAdjustments", "Entity.APDAdjustment",
      "'loan.apd.adjust.type.zero'", "'RESET_PAST_DUE'");

  private static ODataEntity adjustments(String set, String type, String typeSql, String kinds) {
    return ODataEntity.builder(set, type, "(SELECT a.*, " + typeSql + " AS type FROM loan_adjustment a WHERE kind IN ("
            + kinds + ")) AS a", "id")
        .property("id", "id", ODataType.INTEGER)
        .property("loanId", "loan_id", ODataType.INTEGER)
        .property("date", "date", ODataType.DATE)
        .property("type", "type", ODataType.STRING)
        .property("created", "created", ODataType.DATETIME)
        .build();
  }

  /** Due dates moved on loans after setup. */
  static final ODataEntity DUE_DATE_CHANGES = ODataEntity.builder("LoanDueDateChanges", "Entity.DueDateChange",
          "loan_due_date_change", "id")
      .property("id", "id", ODataType.INTEGER)
      .property("loanId", "loan_id", ODataType.INTEGER)
      .property("originalDate", "original_date", ODataType.DATE)
      .property("newDate", "new_date", ODataType.DATE)
      .property("changedDate", "changed_date", ODataType.DATE)
      .property("dueDateOnLastDOM", "due_date_on_last_dom::int", ODataType.INTEGER)
      .property("created", "created", ODataType.DATETIME)
      .build();

  private final ODataQueryPlanner planner = new ODataQueryPlanner(ODataModel.of(TENANT_DM_STATS, LOANS,
      STATUS_ARCHIVE, PAYMENTS, CHARGES, TRANSACTIONS, CUSTOMERS, PORTFOLIOS, SUB_PORTFOLIOS, CUSTOM_FIELD_VALUES,
      STOP_INTEREST_DATES, APD_ADJUSTMENTS, DUE_DATE_CHANGES));

  public QueryPlan plan(String entitySet, ODataQueryOptions options) {
    return planner.plan(entitySet, options);
  }
}
