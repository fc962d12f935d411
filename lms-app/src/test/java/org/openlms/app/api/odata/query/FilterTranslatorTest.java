package org.openlms.app.api.odata.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterTranslatorTest {

  private static SqlFragment dm(String filter) {
    return FilterTranslator.translate(FilterParser.parse(filter), TestModel.DM_STATS);
  }

  private static SqlFragment loans(String filter) {
    return FilterTranslator.translate(FilterParser.parse(filter), TestModel.LOANS);
  }

  @Test
  void tenantDmStatsExampleComparesDates() {
    SqlFragment sql = dm("date ge datetime'2021-03-17' and date le datetime'2021-03-17'");
    assertThat(sql.sql()).isEqualTo("((stat_date >= CAST(? AS date)) AND (stat_date <= CAST(? AS date)))");
    assertThat(sql.params()).containsExactly(LocalDate.of(2021, 3, 17), LocalDate.of(2021, 3, 17));
  }

  @Test
  void datetimeLiteralWithTimeAgainstDateComparesItsUtcDay() {
    assertThat(dm("datetimeoffset'2021-03-17T23:30:00-02:00' le date").params())
        .containsExactly(LocalDate.of(2021, 3, 18));
  }

  @Test
  void datetimePropertyTakesAnInstantParameter() {
    SqlFragment sql = dm("completed lt datetime'2021-03-17T10:15'");
    assertThat(sql.sql()).isEqualTo("(completed_at < CAST(? AS timestamptz))");
    assertThat(sql.params()).containsExactly(OffsetDateTime.of(2021, 3, 17, 10, 15, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void dateAgainstDatetimePropertyTreatsTheDateAsMidnightUtc() {
    assertThat(dm("date lt completed").sql())
        .isEqualTo("((CAST(stat_date AS timestamp) AT TIME ZONE 'UTC') < completed_at)");
  }

  @Test
  void constantComparisonIsParameterised() {
    SqlFragment sql = loans("4 lt 5");
    assertThat(sql.sql()).isEqualTo("(CAST(? AS bigint) < CAST(? AS bigint))");
    assertThat(sql.params()).containsExactly(4L, 5L);
  }

  @Test
  void everyLiteralBecomesATypedParameter() {
    SqlFragment sql = loans("title eq 'a' and loanAmount gt 12.5M and active eq true and id ne -3");
    assertThat(sql.sql()).isEqualTo("((((l.title = CAST(? AS text)) AND (l.loan_amount > CAST(? AS numeric)))"
        + " AND (l.active = CAST(? AS boolean))) AND (l.id <> CAST(? AS bigint)))");
    assertThat(sql.params()).containsExactly("a", new BigDecimal("12.5"), true, -3L);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "title eq null      | (l.title IS NULL)",
      "null eq title      | (l.title IS NULL)",
      "title ne null      | (l.title IS NOT NULL)",
      "active             | l.active",
      "not active         | (NOT l.active)",
      "balanceAfterFees gt id | ((l.balance - l.fees) > l.id)",
      "id div 0 eq 1      | ((l.id / NULLIF(CAST(? AS bigint), 0)) = CAST(? AS bigint))",
      "id mod 2 eq 1      | ((l.id % NULLIF(CAST(? AS bigint), 0)) = CAST(? AS bigint))",
      "-id lt 0           | ((-l.id) < CAST(? AS bigint))",
      "substringof('Smi', title)  | (strpos(l.title, CAST(? AS text)) > 0)",
      "startswith(title, 'Smi')   | starts_with(l.title, CAST(? AS text))",
      "endswith(title, 'th')      | (right(l.title, char_length(CAST(? AS text))) = CAST(? AS text))",
      "indexof(title, 'm') eq 1   | ((strpos(l.title, CAST(? AS text)) - 1) = CAST(? AS bigint))",
      "tolower(title) eq 'x'      | (lower(l.title) = CAST(? AS text))",
      "toupper(title) eq 'X'      | (upper(l.title) = CAST(? AS text))",
      "trim(title) eq 'x'         | (btrim(l.title) = CAST(? AS text))",
      "length(title) gt 3         | (char_length(l.title) > CAST(? AS bigint))",
      "year(contractDate) eq 2021 | (CAST(FLOOR(EXTRACT(YEAR FROM l.contract_date)) AS integer) = CAST(? AS bigint))",
      "month(created) eq 3        | (CAST(FLOOR(EXTRACT(MONTH FROM (l.created_at AT TIME ZONE 'UTC'))) AS integer) = CAST(? AS bigint))",
      "round(loanAmount) eq 3     | (round(l.loan_amount) = CAST(? AS bigint))",
      "floor(id) eq 3             | (l.id = CAST(? AS bigint))",
  })
  void translation(String filter, String sql) {
    assertThat(loans(filter).sql()).isEqualTo(sql);
  }

  @Test
  void concatUsesTheStringOperator() {
    assertThat(loans("concat(title, displayId) eq 'x'").sql())
        .isEqualTo("((l.title || l.display_id) = CAST(? AS text))");
  }

  @Test
  void endswithBindsItsArgumentOncePerPlaceholder() {
    assertThat(loans("endswith(title, 'th')").params()).containsExactly("th", "th");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "foo eq 1                | Unknown property 'foo' in $filter at position 1",
      "id eq 1 and foo eq 1    | Unknown property 'foo' in $filter at position 13",
      "Title eq 'x'            | Unknown property 'Title' in $filter at position 1 (did you mean 'title'?)",
      "settingsJson eq 'x'     | Property 'settingsJson' cannot be used in $filter (position 1)",
      "loanAmount eq 'abc'     | Operator 'eq' cannot compare DECIMAL and STRING in $filter at position 12",
      "title gt 5              | Operator 'gt' cannot compare STRING and INTEGER in $filter at position 7",
      "contractDate eq 'x'     | Operator 'eq' cannot compare DATE and STRING in $filter at position 14",
      "active gt false         | Operator 'gt' cannot order BOOLEAN values in $filter at position 8",
      "title gt null           | Operator 'gt' cannot compare with null (use eq null or ne null) in $filter at position 7",
      "title add 1 eq 2        | Operator 'add' cannot combine STRING and INTEGER in $filter at position 7",
      "id eq 1 and title       | Operator 'and' needs true/false operands but got BOOLEAN and STRING in $filter at position 9",
      "not id                  | Operator 'not' needs a true/false operand but got INTEGER in $filter at position 1",
      "-title eq 'x'           | Operator '-' needs a number but got STRING in $filter at position 1",
      "tolower(id) eq 'x'      | Function 'tolower' expects a string argument but got INTEGER in $filter at position 1",
      "year(title) eq 2021     | Function 'year' expects a date or datetime argument but got STRING in $filter at position 1",
      "round(null) eq 1        | Function 'round' expects a number argument but got null in $filter at position 1",
      "title                   | $filter must be a condition (true or false) but is of type STRING",
      "null                    | $filter must be a condition (true or false) but is of type null",
  })
  void typeAndNameErrorsNameTheCulprit(String filter, String message) {
    assertThatThrownBy(() -> loans(filter)).isInstanceOf(ODataQueryException.class).hasMessage(message);
  }
}
