package org.openlms.app.api.odata.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HostileInputTest {
  private final ODataQueryPlanner planner = new ODataQueryPlanner(TestModel.MODEL);

  private static SqlFragment loans(String filter) {
    return FilterTranslator.translate(FilterParser.parse(filter), TestModel.LOANS);
  }

  @Test
  void sqlInStringLiteralIsOnlyEverAParameter() {
    SqlFragment sql = loans("title eq '''; drop table loan; --' or substringof('x''); delete from loan; --', title)");
    assertThat(sql.sql()).isEqualTo("((l.title = CAST(? AS text)) OR (strpos(l.title, CAST(? AS text)) > 0))");
    assertThat(sql.params()).containsExactly("'; drop table loan; --", "x'); delete from loan; --");
  }

  @Test
  void unbalancedQuoteLetsNothingThrough() {
    assertThatThrownBy(() -> loans("title eq ''; drop table loan; --'")).isInstanceOf(ODataQueryException.class)
        .hasMessage("Malformed $filter: unexpected character ';' at position 12");
    assertThatThrownBy(() -> loans("title eq 'it''s")).isInstanceOf(ODataQueryException.class)
        .hasMessage("Malformed $filter: unterminated string literal starting at position 10");
  }

  @Test
  void identifiersCannotSmuggleSql() {
    assertThatThrownBy(() -> loans("id;drop table loan eq 1")).hasMessageContaining("unexpected character ';'");
    assertThatThrownBy(() -> loans("\"id\" eq 1")).hasMessageContaining("unexpected character '\"'");
    assertThatThrownBy(() -> loans("id -- comment")).isInstanceOf(ODataQueryException.class);
    assertThatThrownBy(() -> loans("pg_sleep(10) eq 1")).hasMessage("Unknown function 'pg_sleep' in $filter at position 1");
    assertThatThrownBy(() -> loans("id eq 1\u0000")).hasMessage("Malformed $filter: unexpected character U+0000 at position 8");
    assertThatThrownBy(() -> loans("title eq 'a\u0000b'"))
        .hasMessage("Malformed $filter: string literal contains U+0000 at position 12");
    assertThatThrownBy(() -> plan("$orderby", "id desc; drop table loan")).isInstanceOf(ODataQueryException.class);
    assertThatThrownBy(() -> plan("$orderby", "(select 1)")).isInstanceOf(ODataQueryException.class);
    assertThatThrownBy(() -> plan("$select", "id, now()")).isInstanceOf(ODataQueryException.class);
    assertThatThrownBy(() -> plan("$expand", "LoanSetup;drop")).isInstanceOf(ODataQueryException.class);
  }

  @Test
  void nestingIsLimitedToFiftyLevels() {
    assertThat(loans("(".repeat(50) + "id eq 1" + ")".repeat(50)).params()).containsExactly(1L);
    assertThatThrownBy(() -> loans("(".repeat(51) + "id eq 1" + ")".repeat(51)))
        .hasMessage("$filter is nested too deeply: more than 50 levels at position 51");
    assertThatThrownBy(() -> loans("not ".repeat(51) + "active"))
        .hasMessage("$filter is nested too deeply: more than 50 levels at position 201");
    assertThatThrownBy(() -> loans("-".repeat(60) + "id eq 1")).hasMessageStartingWith("$filter is nested too deeply");
    assertThatThrownBy(() -> loans("tolower(".repeat(60) + "title" + ")".repeat(60) + " eq 'x'"))
        .hasMessageStartingWith("$filter is nested too deeply");
    assertThatThrownBy(() -> loans("(".repeat(100_000))).isInstanceOf(ODataQueryException.class);
  }

  @Test
  void hugeInputIsRefusedBeforeParsing() {
    assertThatThrownBy(() -> loans("title eq '" + "x".repeat(5_000_000) + "'"))
        .hasMessage("$filter is too long: 5000011 characters, the limit is 2000");
    assertThatThrownBy(() -> plan("$orderby", "id,".repeat(1000) + "id"))
        .hasMessage("$orderby is too long: 3002 characters, the limit is 2000");
  }

  @Test
  void fiftyOredIdsAsLoanProClientsBatchThemStillFit() {
    String filter = IntStream.rangeClosed(1, 50).mapToObj(i -> "id eq " + (100_000 + i))
        .collect(Collectors.joining(" or "));
    assertThat(loans(filter).params()).hasSize(50);
  }

  @Test
  void longFlatChainsDoNotCountAsNesting() {
    String filter = "active" + " or active".repeat(198);
    assertThat(filter.length()).isLessThanOrEqualTo(2000);
    assertThat(loans(filter).sql()).startsWith("(".repeat(198) + "l.active OR l.active)");
  }

  /**
   * Random token soup: whatever the input, the outcome is either an ODataQueryException or SQL whose text holds
   * no client-supplied character: no quote except the constant 'UTC', no semicolon, one placeholder per parameter.
   */
  @Test
  void randomInputNeverLeaksIntoSqlText() {
    String[] pieces = {"id", "title", "active", "created", "contractDate", " eq ", " ne ", " gt ", " and ", " or ",
        "not ", " add ", " mul ", " div ", "-", "(", ")", ",", "'", "''", "'x'", "1", "2.5M", "null", "true",
        "datetime'2021-03-17'", "datetime'", "tolower(", "substringof(", "year(", "concat(", "; drop table loan; --",
        "\"", "\\", " ", "foo", "EQ", "/", "99999999999999999999", "1e5", "é", "\u0000"};
    Random random = new Random(20210317);
    int translated = 0;
    for (int n = 0; n < 30_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(12) + 1; k > 0; k--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      SqlFragment sql;
      try {
        sql = loans(sb.toString());
      } catch (ODataQueryException expected) {
        continue;
      }
      translated++;
      String text = sql.sql().replace("'UTC'", "");
      assertThat(text).as(sb.toString()).doesNotContain("'", ";", "\"", "\\", "drop");
      assertThat(text.chars().filter(c -> c == '?').count()).as(sb.toString()).isEqualTo(sql.params().size());
    }
    assertThat(translated).as("the generator must also produce valid filters").isGreaterThan(100);
  }

  private QueryPlan plan(String option, String value) {
    return planner.plan("Loans", ODataQueryOptions.fromParameters(java.util.Map.of(option, value)));
  }
}
