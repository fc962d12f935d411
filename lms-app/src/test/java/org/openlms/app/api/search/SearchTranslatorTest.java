package org.openlms.app.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openlms.app.api.odata.query.SqlFragment;
import org.openlms.app.errors.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

class SearchTranslatorTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static SqlFragment loans(String query) {
    return SearchTranslator.where(SearchIndexes.LOANS, SearchParser.parse(JSON.readTree("{\"query\":" + query + "}")).query());
  }

  @Test
  void matchOnNumbersDatesKeywordsAndWords() {
    assertThat(loans("{\"match\":{\"loanAmount\":\"10000\"}}"))
        .isEqualTo(new SqlFragment("loan_amount = CAST(? AS numeric)", java.util.List.of(new BigDecimal("10000"))));
    assertThat(loans("{\"match\":{\"contractDate\":\"/Date(1736467200)/\"}}").params())
        .containsExactly(LocalDate.of(2025, 1, 10));
    assertThat(loans("{\"match\":{\"displayId\":\"LN_1%\"}}"))
        .isEqualTo(new SqlFragment("display_id ILIKE ?", java.util.List.of("LN\\_1\\%")));
    SqlFragment words = loans("{\"match\":{\"title\":\"Car loan!\"}}");
    assertThat(words.sql()).isEqualTo("(title ~* ? OR title ~* ?)");
    assertThat(words.params()).containsExactly("\\mCar\\M", "\\mloan\\M");
    assertThat(loans("{\"match\":{\"title\":\"!!!\"}}").sql()).isEqualTo("FALSE");
  }

  @Test
  void boolRangeAndShouldCounting() {
    SqlFragment f = loans("""
        {"bool":{"must":{"range":{"daysPastDue":{"gt":5,"lte":30}}},"must_not":{"match":{"archived":true}},
        "should":[{"match":{"id":1}},{"match":{"id":2}}],"minimum_should_match":1}}""");
    assertThat(f.sql()).isEqualTo("(((days_past_due > CAST(? AS numeric) AND days_past_due <= CAST(? AS numeric)))"
        + " AND NOT COALESCE((archived = CAST(? AS numeric)), FALSE)"
        + " AND (CASE WHEN (id = CAST(? AS numeric)) THEN 1 ELSE 0 END + CASE WHEN (id = CAST(? AS numeric)) THEN 1 ELSE 0 END) >= ?)");
    assertThat(f.params()).containsExactly(new BigDecimal("5"), new BigDecimal("30"), BigDecimal.ONE,
        new BigDecimal("1"), new BigDecimal("2"), 1);
    assertThat(loans("{\"bool\":{}}").sql()).isEqualTo("TRUE");
  }

  @Test
  void wildcardsBecomeEscapedRegularExpressions() {
    SqlFragment f = loans("{\"query_string\":{\"query\":\"LN-0* c?r\",\"fields\":[\"displayId\",\"title\"]}}");
    assertThat(f.sql()).isEqualTo("((display_id ~* ? OR title ~* ?) OR (display_id ~* ? OR title ~* ?))");
    assertThat(f.params()).containsExactly("^LN\\-0.*$", "\\mLN\\-0\\w*\\M", "^c.r$", "\\mc\\wr\\M");
  }

  @Test
  void termAndTermsAreExactValues() {
    SqlFragment ids = loans("{\"terms\":{\"id\":[1,\"2\"]}}");
    assertThat(ids.sql()).isEqualTo("(id = CAST(? AS numeric) OR id = CAST(? AS numeric))");
    assertThat(ids.params()).containsExactly(new BigDecimal("1"), new BigDecimal("2"));
    SqlFragment phrase = loans("{\"term\":{\"title\":{\"value\":\"car l*an\"}}}");
    assertThat(phrase.sql()).isEqualTo("(title ~* ?)");
    assertThat(phrase.params()).containsExactly("\\mcar\\ l\\*an\\M");
  }

  @Test
  void unknownFieldsAndWrongTypesAreRefusedByName() {
    assertRefused("{\"match\":{\"balance\":1}}", "unknown field 'balance' for Loans");
    assertRefused("{\"range\":{\"title\":{\"gt\":\"a\"}}}", "range needs a number or date field");
    assertRefused("{\"match\":{\"loanAmount\":\"lots\"}}", "loanAmount is a number");
    assertRefused("{\"range\":{\"contractDate\":{\"gte\":\"now-1d\"}}}", "contractDate is a date");
    assertRefused("{\"query_string\":{\"query\":\"a\",\"fields\":[\"loanAmount\"]}}", "loanAmount is not one");
    assertRefused("{\"query_string\":{\"query\":\"title:car\"}}", "wildcards only");
    assertRefused("{\"query_string\":{\"query\":\"a AND b\"}}", "operators");
    assertThatThrownBy(() -> SearchTranslator.where(SearchIndexes.CUSTOMERS,
        SearchParser.parse(JSON.readTree("{\"query\":{\"match\":{\"ssn\":\"123-45-6789\"}}}")).query()))
        .hasMessageContaining("last four digits only").hasMessageNotContaining("6789");
  }

  /** Seeded random printable strings: whatever a client writes, the SQL text holds none of it. */
  @Test
  void clientValuesNeverReachTheSqlText() {
    Random random = new Random(20261123);
    for (int i = 0; i < 500; i++) {
      StringBuilder s = new StringBuilder("x");
      for (int j = 0; j < 12; j++) {
        s.append((char) (33 + random.nextInt(94)));
      }
      String value = s.toString().replace("\\", "").replace("\"", "");
      SqlFragment f = loans("{\"match\":{\"title\":\"" + value + "\"}}");
      SqlFragment k = loans("{\"match\":{\"displayId\":\"" + value + "\"}}");
      assertThat(f.sql()).matches("FALSE|\\(title ~\\* \\?( OR title ~\\* \\?)*\\)");
      assertThat(k.sql()).isEqualTo("display_id ILIKE ?");
      assertThat(k.params()).containsExactly(value.replace("%", "\\%").replace("_", "\\_"));
    }
  }

  private static void assertRefused(String query, String message) {
    assertThatThrownBy(() -> loans(query)).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
  }
}
