package org.openlms.app.api.odata.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example from the package documentation and the hand-over report, kept compiling and true. */
class UsageExampleTest {
  @Test
  void entityModelToQueryPlanToSql() {
    ODataEntity stats = ODataEntity.builder("TenantDMStats", "Entity.TenantDMStats", "dm_stats_entity", "id")
        .property("id", "id", ODataType.INTEGER)
        .property("date", "stat_date", ODataType.DATE)
        .property("maintainedLoans", "maintained_loans", ODataType.INTEGER)
        .build();
    ODataQueryPlanner planner = new ODataQueryPlanner(ODataModel.of(stats));
    QueryPlan plan = planner.plan("TenantDMStats", ODataQueryOptions.fromParameters(Map.of(
        "$filter", "date ge datetime'2021-03-17' and date le datetime'2021-03-17'", "$orderby", "date")));
    SqlFragment page = plan.selectQuery();   // bind page.params() in order, then execute
    SqlFragment total = plan.countQuery();   // for summary.total

    assertThat(page.sql()).isEqualTo("SELECT id AS \"id\", stat_date AS \"date\", maintained_loans AS"
        + " \"maintainedLoans\" FROM dm_stats_entity WHERE ((stat_date >= CAST(? AS date))"
        + " AND (stat_date <= CAST(? AS date))) ORDER BY stat_date ASC, id ASC LIMIT ? OFFSET ?");
    assertThat(page.params()).containsExactly(LocalDate.of(2021, 3, 17), LocalDate.of(2021, 3, 17), 50, 0);
    assertThat(total.sql()).isEqualTo("SELECT count(*) FROM dm_stats_entity WHERE ((stat_date >= CAST(? AS date))"
        + " AND (stat_date <= CAST(? AS date)))");
  }
}
