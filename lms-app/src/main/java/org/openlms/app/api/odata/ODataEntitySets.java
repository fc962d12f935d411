package org.openlms.app.api.odata;

import org.openlms.app.api.odata.query.ODataEntity;
import org.openlms.app.api.odata.query.ODataModel;
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

  private final ODataQueryPlanner planner = new ODataQueryPlanner(ODataModel.of(TENANT_DM_STATS, LOANS));

  public QueryPlan plan(String entitySet, ODataQueryOptions options) {
    return planner.plan(entitySet, options);
  }
}
