package org.openlms.app.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.app.api.search.SearchQuery.Bool;
import org.openlms.app.api.search.SearchQuery.Match;
import org.openlms.app.api.search.SearchQuery.MatchAll;
import org.openlms.app.api.search.SearchQuery.QueryString;
import org.openlms.app.api.search.SearchQuery.Range;
import org.openlms.app.api.search.SearchRequest.Aggregation;
import org.openlms.app.api.search.SearchRequest.SortKey;
import org.openlms.app.errors.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

class SearchParserTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static SearchRequest parse(String body) {
    return SearchParser.parse(JSON.readTree(body));
  }

  @Test
  void theReferenceBodiesParse() {
    SearchRequest dev = parse("""
        {"query":{"bool":{"must":{"match":{"loanAmount":10000}},
        "filter":{"range":{"contractDate":{"gte":"2020-10-01","lte":"2020-10-31"}}}}}}""");
    Bool b = (Bool) dev.query();
    assertThat(b.must()).containsExactly(new Match("loanAmount", new BigDecimal("10000"), false));
    assertThat(b.filter()).containsExactly(new Range("contractDate", null, "2020-10-01", null, "2020-10-31"));

    SearchRequest mcp = parse("""
        {"size":50,"query":{"bool":{"must":[{"range":{"daysPastDue":{"gt":5}}},{"match":{"loanStatusText":"Open"}}]}},
        "sort":[{"daysPastDue":{"order":"asc"}}]}""");
    assertThat(mcp.size()).isEqualTo(50);
    assertThat(((Bool) mcp.query()).must()).hasSize(2);
    assertThat(mcp.sort()).containsExactly(new SortKey("daysPastDue", false));

    SearchRequest sdk = parse("{\"aggs\":{\"sum_loanamount\":{\"sum\":{\"field\":\"loanAmount\"}}}}");
    assertThat(sdk.query()).isEqualTo(new MatchAll());
    assertThat(sdk.aggregations()).containsExactly(new Aggregation("sum_loanamount", "sum", "loanAmount"));
  }

  @Test
  void sortAcceptsStringsObjectsAndShorthand() {
    SearchRequest r = parse("{\"sort\":[\"displayId\",{\"payoff\":\"desc\"},{\"id\":{\"order\":\"DESC\"}}]}");
    assertThat(r.sort()).containsExactly(new SortKey("displayId", false), new SortKey("payoff", true),
        new SortKey("id", true));
  }

  @Test
  void queryStringMatchOperatorsAndMinimumShouldMatch() {
    QueryString q = (QueryString) parse("{\"query\":{\"query_string\":{\"query\":\"smi*\",\"fields\":[\"lastName\"],"
        + "\"default_operator\":\"AND\"}}}").query();
    assertThat(q).isEqualTo(new QueryString("smi*", List.of("lastName"), true));
    Match m = (Match) parse("{\"query\":{\"match\":{\"title\":{\"query\":\"a b\",\"operator\":\"and\"}}}}").query();
    assertThat(m.all()).isTrue();
    Bool b = (Bool) parse("{\"query\":{\"bool\":{\"should\":[{\"match_all\":{}}],\"minimum_should_match\":\"1\"}}}")
        .query();
    assertThat(b.minimumShouldMatch()).isEqualTo(1);
  }

  @Test
  void malformedBodiesAreRefusedNamingTheProblem() {
    assertRefused("[]", "must be a JSON object");
    assertRefused("{\"query\":{\"fuzzy\":{\"a\":\"b\"}}}", "unsupported query type 'fuzzy'");
    assertRefused("{\"query\":{\"match\":{\"a\":1,\"b\":2}}}", "exactly one key");
    assertRefused("{\"query\":{\"range\":{\"a\":{\"gt\":1,\"boost\":2}}}}", "unsupported key 'boost'");
    assertRefused("{\"query\":{\"range\":{\"a\":{}}}}", "at least one of");
    assertRefused("{\"size\":-1}", "size must be a whole number");
    assertRefused("{\"size\":1.5}", "size must be a whole number");
    assertRefused("{\"from\":\"x\"}", "from must be a whole number");
    assertRefused("{\"highlight\":{}}", "unsupported key 'highlight'");
    assertRefused("{\"sort\":[{\"a\":{\"order\":\"up\"}}]}", "order must be asc or desc");
    assertRefused("{\"aggs\":{\"x\":{\"terms\":{\"field\":\"a\"}}}}", "unsupported aggregation 'terms'");
    assertRefused("{\"query\":{\"match\":{\"a; DROP TABLE loan\":1}}}", "is not a field name");
    assertRefused("{\"query\":{\"match\":{\"a\":null}}}", "needs a value");
    assertRefused("{\"query\":{\"match\":{\"a\":[1]}}}", "must be a string, number or boolean");
    assertRefused("{\"query\":{\"match\":{\"a\":1e400}}}", "out of range");
    assertRefused("{\"query\":{\"match\":{\"a\":-1e400}}}", "out of range");
    assertRefused("{\"size\":1e400}", "size must be a whole number");
  }

  @Test
  void depthAndClauseCountAreBounded() {
    String deep = "{\"match_all\":{}}";
    for (int i = 0; i < 40; i++) {
      deep = "{\"bool\":{\"must\":" + deep + "}}";
    }
    assertRefused("{\"query\":" + deep + "}", "nested deeper than");
    StringBuilder wide = new StringBuilder("{\"query\":{\"bool\":{\"should\":[");
    for (int i = 0; i < 300; i++) {
      wide.append(i == 0 ? "" : ",").append("{\"match\":{\"id\":").append(i).append("}}");
    }
    assertRefused(wide.append("]}}}").toString(), "more than 200 clauses");
  }

  private static void assertRefused(String body, String message) {
    assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
  }
}
