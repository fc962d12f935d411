package org.openlms.app.api.odata.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ODataQueryPlannerTest {
  private final ODataQueryPlanner planner = new ODataQueryPlanner(TestModel.MODEL);

  private QueryPlan plan(String set, String... keyValues) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put(keyValues[i], keyValues[i + 1]);
    }
    return planner.plan(set, ODataQueryOptions.fromParameters(params));
  }

  @Test
  void tenantDmStatsExampleFromTheDailyMaintenanceArticle() {
    QueryPlan plan = plan("TenantDMStats",
        "$filter", "date ge datetime'2021-03-17' and date le datetime'2021-03-17'", "$orderby", "date");
    LocalDate day = LocalDate.of(2021, 3, 17);
    assertThat(plan.selectQuery().sql()).isEqualTo("SELECT id AS \"id\", stat_date AS \"date\", queued_at AS"
        + " \"queued\", in_progress_at AS \"inProgress\", completed_at AS \"completed\", total_loans AS"
        + " \"totalLoans\", maintained_loans AS \"maintainedLoans\" FROM dm_stats_entity"
        + " WHERE ((stat_date >= CAST(? AS date)) AND (stat_date <= CAST(? AS date)))"
        + " ORDER BY stat_date ASC, id ASC LIMIT ? OFFSET ?");
    assertThat(plan.selectQuery().params()).containsExactly(day, day, 50, 0);
    assertThat(plan.countQuery().sql()).isEqualTo("SELECT count(*) FROM dm_stats_entity"
        + " WHERE ((stat_date >= CAST(? AS date)) AND (stat_date <= CAST(? AS date)))");
    assertThat(plan.countQuery().params()).containsExactly(day, day);
  }

  @Test
  void defaultsAreFirstPageOfFiftyAllPropertiesByKey() {
    QueryPlan plan = planner.plan(TestModel.ARCHIVE, ODataQueryOptions.NONE);
    assertThat(plan.limit()).isEqualTo(50);
    assertThat(plan.offset()).isZero();
    assertThat(plan.select()).extracting(ODataProperty::name).containsExactly("id", "loanId", "date", "daysPastDue");
    assertThat(plan.where().isEmpty()).isTrue();
    assertThat(plan.selectQuery().sql()).endsWith("FROM loan_status_archive a ORDER BY a.id ASC LIMIT ? OFFSET ?");
    assertThat(plan.countQuery().sql()).isEqualTo("SELECT count(*) FROM loan_status_archive a");
  }

  @Test
  void blankFilterMeansNoFilter() {
    assertThat(plan("Loans", "$filter", " ").where().isEmpty()).isTrue();
    assertThat(plan("Loans", "$filter", "id eq 1").where().sql()).isEqualTo("(l.id = CAST(? AS bigint))");
  }

  @Test
  void severalSortKeysDefaultToAscendingAndEndWithTheKey() {
    assertThat(plan("Loans", "$orderby", "loanAmount desc, title,balanceAfterFees asc").orderByClause())
        .isEqualTo(" ORDER BY l.loan_amount DESC, l.title ASC, (l.balance - l.fees) ASC, l.id ASC");
    assertThat(plan("Loans", "$orderby", "id desc").orderByClause()).isEqualTo(" ORDER BY l.id DESC");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "foo desc       | Unknown property 'foo' in $orderby (entity Loans)",
      "Title          | Unknown property 'Title' in $orderby (entity Loans), did you mean 'title'?",
      "id DESC        | Malformed $orderby: unknown direction 'DESC', directions are lowercase: use 'desc'",
      "id down        | Malformed $orderby: unknown direction 'down', expected 'asc' or 'desc'",
      "id desc title  | \"Malformed $orderby: expected '<property> [asc|desc]' but found 'id desc title'\"",
      "id,,title      | Malformed $orderby: empty sort key in 'id,,title'",
      "settingsJson   | Property 'settingsJson' cannot be used in $orderby",
      "StatusArchive  | 'StatusArchive' is a navigation of Loans, not a property; it cannot be used in $orderby",
  })
  void badOrderBy(String orderBy, String message) {
    assertThatThrownBy(() -> plan("Loans", "$orderby", orderBy))
        .isInstanceOf(ODataQueryException.class).hasMessage(message);
  }

  @Test
  void topAndSkipAndStart() {
    assertThat(plan("Loans", "$top", "10", "$skip", "20").selectQuery().params()).containsExactly(10, 20);
    assertThat(plan("Loans", "$top", "0").limit()).isZero();
    assertThat(plan("Loans", "$top", "1000").limit()).isEqualTo(1000);
    assertThat(plan("Loans", "$start", "20", "$top", "20").offset()).isEqualTo(20);
    assertThat(plan("Loans", "$start", "20", "$skip", "20").offset()).isEqualTo(20);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "$top   | 1001   | $top 1001 is above the limit of 1000",
      "$top   | -1     | Invalid $top '-1': expected a whole number from 0 to 1000",
      "$top   | ten    | Invalid $top 'ten': expected a whole number from 0 to 1000",
      "$top   | 1.5    | Invalid $top '1.5': expected a whole number from 0 to 1000",
      "$skip  | 99999999999 | Invalid $skip '99999999999': expected a whole number from 0 to 2147483647",
      "$skip  | 9999999999  | $skip 9999999999 is above the limit of 2147483647",
      "nopaging | maybe  | Invalid nopaging 'maybe': expected nopaging, nopaging=true or nopaging=false",
  })
  void badPaging(String option, String value, String message) {
    assertThatThrownBy(() -> plan("Loans", option, value))
        .isInstanceOf(ODataQueryException.class).hasMessage(message);
  }

  @Test
  void skipAndStartMustAgree() {
    assertThatThrownBy(() -> plan("Loans", "$skip", "10", "$start", "20")).isInstanceOf(ODataQueryException.class)
        .hasMessage("$skip and $start are the same option and disagree: 10 and 20");
  }

  @Test
  void nopagingBareOrTrueRemovesTheDefaultPageButNotAnExplicitTop() {
    assertThat(plan("Loans", "nopaging", "").limit()).isNull();
    assertThat(plan("Loans", "nopaging", "true").limit()).isNull();
    assertThat(plan("Loans", "nopaging", "false").limit()).isEqualTo(50);
    assertThat(plan("Loans", "nopaging", "", "$top", "5").limit()).isEqualTo(5);
    QueryPlan all = plan("Loans", "nopaging", "");
    assertThat(all.selectQuery().sql()).endsWith(" ORDER BY l.id ASC OFFSET ?");
    assertThat(all.selectQuery().params()).containsExactly(0);
  }

  @Test
  void summaryReportsStartPageSizeAndTotal() {
    assertThat(plan("Loans").summary(6)).isEqualTo(new QueryPlan.PageSummary(0, 50, 6));
    assertThat(plan("Loans", "$top", "20", "$start", "40").summary(100))
        .isEqualTo(new QueryPlan.PageSummary(40, 20, 100));
    assertThat(plan("Loans", "nopaging", "").summary(1234)).isEqualTo(new QueryPlan.PageSummary(0, 1234, 1234));
  }

  @Test
  void selectKeepsTheClientsOrderWithoutDuplicates() {
    assertThat(plan("Loans", "$select", " title ,id,title").select()).extracting(ODataProperty::name)
        .containsExactly("title", "id");
    assertThat(plan("Loans", "$select", "id,title").selectQuery().sql())
        .startsWith("SELECT l.id AS \"id\", l.title AS \"title\" FROM loan l ORDER BY");
    assertThat(plan("Loans", "$select", "*").select()).hasSize(TestModel.LOANS.properties().size());
    assertThat(plan("Loans", "$select", "settingsJson").select()).extracting(ODataProperty::name)
        .containsExactly("settingsJson");
  }

  @Test
  void badSelect() {
    assertThatThrownBy(() -> plan("Loans", "$select", "id,foo")).isInstanceOf(ODataQueryException.class)
        .hasMessage("Unknown property 'foo' in $select (entity Loans)");
    assertThatThrownBy(() -> plan("Loans", "$select", "id,")).isInstanceOf(ODataQueryException.class)
        .hasMessage("Malformed $select: empty item in 'id,'");
  }

  @Test
  void expandPathsAreResolvedThroughTheModel() {
    QueryPlan plan = plan("Customers", "$expand", "Loans,Loans/StatusArchive, Loans/LoanSetup,Loans");
    assertThat(plan.expand()).extracting(ExpandPath::path)
        .containsExactly("Loans", "Loans/StatusArchive", "Loans/LoanSetup");
    ExpandPath archive = plan.expand().get(1);
    assertThat(archive.steps()).extracting(s -> s.navigation().name()).containsExactly("Loans", "StatusArchive");
    assertThat(archive.target()).isSameAs(TestModel.ARCHIVE);
    assertThat(archive.steps().get(1).navigation().collection()).isTrue();
    assertThat(plan.expand().get(2).steps().get(1).navigation().collection()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Loans/Foo     | Unknown navigation 'Foo' in $expand path 'Loans/Foo' (entity Loans)",
      "loans         | Unknown navigation 'loans' in $expand path 'loans' (entity Customers), did you mean 'Loans'?",
      "Loans/        | Unknown navigation '' in $expand path 'Loans/' (entity Loans)",
      "Loans/Customers/Loans/Customers/Loans | $expand path 'Loans/Customers/Loans/Customers/Loans' has 5 segments, the limit is 4",
  })
  void badExpand(String expand, String message) {
    assertThatThrownBy(() -> plan("Customers", "$expand", expand))
        .isInstanceOf(ODataQueryException.class).hasMessage(message);
  }

  @Test
  void tooManyExpandPaths() {
    assertThatThrownBy(() -> plan("Customers", "$expand", "Loans,".repeat(20) + "Loans"))
        .isInstanceOf(ODataQueryException.class).hasMessage("$expand has 21 paths, the limit is 20");
  }

  @Test
  void unknownEntitySetUsesLoanProsMessage() {
    assertThatThrownBy(() -> plan("Foo")).isInstanceOf(ODataQueryException.class)
        .hasMessage("Resource not found for the segment 'Foo'");
  }

  @Test
  void servletParameterMapRefusesRepeatedOptions() {
    Map<String, String[]> params = Map.of("$top", new String[] {"5"}, "$filter", new String[] {"id eq 1", "id eq 2"});
    assertThatThrownBy(() -> ODataQueryOptions.fromParameterMap(params)).isInstanceOf(ODataQueryException.class)
        .hasMessage("Query option $filter is given more than once");
    ODataQueryOptions ok = ODataQueryOptions.fromParameterMap(Map.of("$top", new String[] {"5"}, "nopaging",
        new String[] {""}));
    assertThat(ok.top()).isEqualTo("5");
    assertThat(ok.nopaging()).isEmpty();
  }

  @Test
  void modelRefusesNavigationsToUndeclaredSets() {
    ODataEntity orphan = ODataEntity.builder("A", "Entity.A", "a", "id").property("id", "id", ODataType.INTEGER)
        .navigation(ODataNavigation.one("B", "B", "id", "a_id")).build();
    assertThatThrownBy(() -> ODataModel.of(orphan)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A.B targets undeclared entity set B");
  }
}
