package org.openlms.app.api.odata.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs translated queries on a real PostgreSQL and checks the rows, not just the SQL text. A *Test (surefire),
 * not an *IT: failsafe currently runs against the repackaged Spring Boot jar, where these classes are not found.
 */
class ODataQueryPostgresTest {
  private static EmbeddedPostgres postgres;
  private static Connection db;
  private final ODataQueryPlanner planner = new ODataQueryPlanner(TestModel.MODEL);

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    db = postgres.getPostgresDatabase().getConnection();
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE dm_stats_entity (id int PRIMARY KEY, stat_date date NOT NULL,"
          + " queued_at timestamptz, in_progress_at timestamptz, completed_at timestamptz,"
          + " total_loans int, maintained_loans int)");
      s.execute("INSERT INTO dm_stats_entity VALUES"
          + " (13, '2021-03-16', '2021-03-16 06:06:24Z', '2021-03-16 06:06:28Z', '2021-03-16 07:46:10Z', 440, 440),"
          + " (14, '2021-03-17', '2021-03-17 06:06:24Z', '2021-03-17 06:06:28Z', '2021-03-17 07:46:10Z', 447, 447),"
          + " (15, '2021-03-18', '2021-03-18 06:06:24Z', '2021-03-18 06:06:28Z', '2021-03-18 07:46:10Z', 447, 446),"
          + " (16, '2021-03-19', '2021-03-19 06:06:24Z', '2021-03-19 06:06:28Z', NULL, 450, 0)");
      s.execute("CREATE TABLE loan (id bigint PRIMARY KEY, display_id text, title text, loan_amount numeric,"
          + " active boolean, contract_date date, created_at timestamptz, balance numeric, fees numeric,"
          + " settings_json text)");
      s.execute("INSERT INTO loan VALUES"
          + " (1, 'L-1', 'John Smith', 12000.00, true, '2015-05-07', '2015-03-31 19:22:12Z', 9000, 100, '{}'),"
          + " (2, 'L-2', 'Jane O''Brien', 15000.00, true, '2020-08-17', '2020-08-17 23:30:00Z', 14000, 0, '{}'),"
          + " (3, 'L-3', '100% Smithson', 500.50, false, '2021-03-17', '2021-03-17 00:00:00Z', 0, 0, NULL),"
          + " (4, 'L-4', NULL, 75000, true, NULL, NULL, NULL, NULL, NULL),"
          + " (5, 'L-5', '  Ann_Lee ', 2000, false, '2021-12-31', '2021-12-31 23:59:59Z', 1000, 12.5, NULL)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (db != null) {
      db.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void tenantDmStatsExampleReturnsThatDay() throws SQLException {
    QueryPlan plan = plan("TenantDMStats", "$filter", "date ge datetime'2021-03-17' and date le datetime'2021-03-17'",
        "$orderby", "date");
    assertThat(ids(plan)).containsExactly(14L);
    assertThat(count(plan)).isEqualTo(1);
    assertThat(ids(plan("TenantDMStats", "$filter", "date ge datetime'2021-03-17T00:00:00'", "$orderby",
        "date desc"))).containsExactly(16L, 15L, 14L);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "4 lt 5                                       | 1,2,3,4,5",
      "4 gt 5                                       | \"\"",
      "substringof('Smith', title)                  | 1,3",
      "substringof('%', title)                      | 3",
      "substringof('_', title)                      | 5",
      "startswith(title, 'Jane')                    | 2",
      "endswith(title, 'son')                       | 3",
      "tolower(title) eq 'john smith'               | 1",
      "toupper(title) eq 'JANE O''BRIEN'            | 2",
      "trim(title) eq 'Ann_Lee'                     | 5",
      "length(title) eq 12                          | 2",
      "length(title) eq 10                          | 1,5",
      "indexof(title, 'Smith') eq 5                 | 1,3",
      "indexof(title, 'Smith') eq 0                 | \"\"",
      "concat(displayId, title) eq 'L-1John Smith'  | 1",
      "title eq null                                | 4",
      "title ne null and active                     | 1,2",
      "title ne 'John Smith'                        | 2,3,5",
      "not active                                   | 3,5",
      "loanAmount ge 12000 and loanAmount lt 75000  | 1,2",
      "loanAmount eq 500.5M                         | 3",
      "balanceAfterFees gt 8000                     | 1,2",
      "loanAmount div 0 eq 1 or id mod 0 eq 0       | \"\"",
      "id mul 2 sub 1 eq 5                          | 3",
      "round(loanAmount) eq 501                     | 3",
      "year(contractDate) eq 2021                   | 3,5",
      "month(created) eq 8 and day(created) eq 17   | 2",
      "hour(created) eq 23                          | 2,5",
      "contractDate eq datetime'2021-03-17T15:00'   | 3",
      "contractDate lt created                      | 2,5",
      "contractDate eq created                      | 3",
      "created ge datetimeoffset'2020-08-18T01:00:00+02:00' and created lt datetime'2021-03-18' | 2,3",
      "created lt datetime'2015-04-01'              | 1",
  })
  void filtersSelectTheExpectedRows(String filter, String expectedIds) throws SQLException {
    List<Long> expected = new ArrayList<>();
    for (String id : expectedIds.split(",")) {
      if (!id.isBlank()) {
        expected.add(Long.parseLong(id.trim()));
      }
    }
    QueryPlan plan = plan("Loans", "$filter", filter);
    assertThat(ids(plan)).containsExactlyElementsOf(expected);
    assertThat(count(plan)).isEqualTo(expected.size());
  }

  @Test
  void resultsDoNotDependOnTheSessionTimeZone() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("SET TIME ZONE 'America/Denver'");
      assertThat(ids(plan("Loans", "$filter", "hour(created) eq 23 and day(created) eq 31"))).containsExactly(5L);
      assertThat(ids(plan("Loans", "$filter", "contractDate eq created"))).containsExactly(3L);
    } finally {
      try (Statement s = db.createStatement()) {
        s.execute("SET TIME ZONE 'UTC'");
      }
    }
  }

  @Test
  void hostileStringsMatchNothingAndLeaveTheTableIntact() throws SQLException {
    for (String hostile : List.of("title eq '''; DROP TABLE loan; --'",
        "title eq 'x'' OR ''1''=''1' or displayId eq ''';DELETE FROM loan;--'",
        "substringof(''');TRUNCATE loan;--', title)")) {
      assertThat(ids(plan("Loans", "$filter", hostile))).as(hostile).isEmpty();
    }
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM loan")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(5);
    }
  }

  @Test
  void pagingSortingAndSelect() throws SQLException {
    assertThat(ids(plan("Loans", "$orderby", "loanAmount desc", "$top", "2", "$skip", "1"))).containsExactly(2L, 1L);
    assertThat(ids(plan("Loans", "$orderby", "active desc, title", "$start", "0", "$top", "3")))
        .containsExactly(2L, 1L, 4L);
    assertThat(ids(plan("Loans", "nopaging", "", "$orderby", "contractDate"))).containsExactly(1L, 2L, 3L, 5L, 4L);
    QueryPlan selected = plan("Loans", "$select", "id,title", "$filter", "id eq 2");
    try (PreparedStatement ps = prepare(selected.selectQuery()); ResultSet rs = ps.executeQuery()) {
      assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
      assertThat(rs.getMetaData().getColumnLabel(2)).isEqualTo("title");
      rs.next();
      assertThat(rs.getString("title")).isEqualTo("Jane O'Brien");
    }
  }

  @Test
  void arithmeticOverflowIsADataExceptionTheApiReportsAsAClientError() {
    QueryPlan plan = plan("Loans", "$filter", "id mul 9223372036854775807 gt 0");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ids(plan)).isInstanceOfSatisfying(SQLException.class,
        e -> assertThat(ODataQueryException.isClientDataError(e.getSQLState())).as(e.getSQLState()).isTrue());
    assertThat(ODataQueryException.isClientDataError("42P01")).isFalse();
    assertThat(ODataQueryException.isClientDataError(null)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "created lt datetime'0001-01-01'                          | \"\"",
      "created lt datetime'9999-12-31T23:59:59.9999999'         | 1,2,3,5",
      "contractDate gt datetime'9999-12-31T23:59:59.9999999'    | \"\"",
      "year(datetime'2021-03-17T23:59') eq 2021 and id eq 2     | 2",
  })
  void dateRangeEdgesRunCleanly(String filter, String expectedIds) throws SQLException {
    filtersSelectTheExpectedRows(filter, expectedIds);
  }

  /** Every filter the translator accepts must also be valid SQL for PostgreSQL: the type rules are complete. */
  @Test
  void everyAcceptedRandomFilterRunsWithoutSqlError() throws SQLException {
    String[] pieces = {"id", "title", "active", "created", "contractDate", "loanAmount", "balanceAfterFees",
        " eq ", " ne ", " lt ", " ge ", " and ", " or ", "not ", " add ", " sub ", " mul ", " div ", " mod ", "-",
        "(", ")", ",", "'x'", "1", "2.5M", "null", "true", "datetime'2021-03-17'",
        "datetimeoffset'2021-03-17T10:00:00+01:00'", "tolower(", "substringof(", "year(", "hour(", "concat(",
        "length(", "indexof(", "endswith(", "round(", "ceiling(", "trim("};
    java.util.Random random = new java.util.Random(7);
    int executed = 0;
    for (int n = 0; n < 40_000; n++) {
      StringBuilder filter = new StringBuilder();
      for (int k = random.nextInt(9) + 1; k > 0; k--) {
        filter.append(pieces[random.nextInt(pieces.length)]);
      }
      QueryPlan plan;
      try {
        plan = plan("Loans", "$filter", filter.toString());
      } catch (ODataQueryException refused) {
        continue;
      }
      executed++;
      try {
        ids(plan);
        count(plan);
      } catch (SQLException e) {
        throw new AssertionError(filter + " -> " + plan.where().sql() + ": " + e.getMessage(), e);
      }
    }
    assertThat(executed).as("the generator must also produce valid filters").isGreaterThan(150);
  }

  private QueryPlan plan(String set, String... keyValues) {
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put(keyValues[i], keyValues[i + 1]);
    }
    return planner.plan(set, ODataQueryOptions.fromParameters(params));
  }

  private static List<Long> ids(QueryPlan plan) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = prepare(plan.selectQuery()); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong("id"));
      }
    }
    return ids;
  }

  private static long count(QueryPlan plan) throws SQLException {
    try (PreparedStatement ps = prepare(plan.countQuery()); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static PreparedStatement prepare(SqlFragment sql) throws SQLException {
    PreparedStatement ps = db.prepareStatement(sql.sql());
    for (int i = 0; i < sql.params().size(); i++) {
      ps.setObject(i + 1, sql.params().get(i));
    }
    return ps;
  }
}
