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

  /** The reverse-calculated daily archive; within one loan the date orders it. */
  static final ODataEntity STATUS_ARCHIVE = ODataEntity.builder("LoanStatusArchive", "Entity.StatusArchive",
          "loan_status_archive", "date")
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

  private final ODataQueryPlanner planner = new ODataQueryPlanner(ODataModel.of(TENANT_DM_STATS, LOANS,
      STATUS_ARCHIVE, PAYMENTS, CUSTOMERS, PORTFOLIOS, SUB_PORTFOLIOS));

  public QueryPlan plan(String entitySet, ODataQueryOptions options) {
    return planner.plan(entitySet, options);
  }
}
