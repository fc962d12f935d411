package org.openlms.app.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openlms.app.api.odata.query.SqlFragment;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import tools.jackson.databind.JsonNode;

/** Loans/Autopal.Search() and Customers/Autopal.Search() against a real server and database. */
class SearchIT {

  private static final String API = "/api/public/api/1/";
  private static final String LOANS = API + "Loans/Autopal.Search()";
  private static final String CUSTOMERS = API + "Customers/Autopal.Search()";
  private static final String LOAN = """
      {"displayId":"%s","title":"%s","LoanSetup":{%s"loanAmount":%s,"loanRate":4.7,
      "loanRateType":"loan.rateType.annually","loanTerm":60,"contractDate":"%s","firstPaymentDate":"%s",
      "paymentFrequency":"loan.frequency.monthly","calcType":"loan.calcType.simpleInterest",
      "daysInYear":"loan.daysInYear.actual"}}""";
  private static final String ADDRESS = "{\"city\":\"%s\",\"state\":\"geo.state.%s\"}";

  private static final LmsTestServer server = LmsTestServer.shared();
  private static final Http http = server.http();
  private static TenantAccess t;

  /** Three loans, one activated in 2020 and never paid (so it is past due), and three customers. */
  @BeforeAll
  static void data() {
    t = server.newTenant();
    long l1 = post("odata.svc/Loans", LOAN.formatted("L-001", "Car loan", "\"active\":1,", "15000", "2020-08-17",
        "2020-09-01"));
    post("odata.svc/Loans", LOAN.formatted("L-002", "Boat loan", "", "20000", "2020-10-15", "2020-11-15"));
    post("odata.svc/Loans", LOAN.formatted("L-003", "Small car", "", "5000.50", "2020-10-20", "2020-11-20"));
    long ada = post("odata.svc/Customers", customer("Ada", "Lovelace", "ada@example.com", "123-45-6789", "Denver", "CO"));
    post("odata.svc/Customers", customer("Alan", "Turing", "alan@example.org", "987654321", "Boulder", "CO"));
    post("odata.svc/Customers", customer("Grace", "Hopper", "grace@navy.example.com", null, "Arlington", "VA"));
    Http.Response link = http.api("PUT", API + "odata.svc/Loans(" + l1 + ")", t.id(), t.token(),
        "{\"Customers\":{\"results\":[{\"__id\":" + ada + ",\"__setLoanRole\":\"loan.customerRole.primary\"}]}}");
    assertThat(link.status()).as(link.raw()).isEqualTo(200);
  }

  private static String customer(String first, String last, String email, String ssn, String city, String state) {
    String address = ADDRESS.formatted(city, state);
    return "{\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"email\":\"" + email + "\","
        + (ssn == null ? "" : "\"ssn\":\"" + ssn + "\",") + "\"PrimaryAddress\":" + address + ",\"MailAddress\":"
        + address + "}";
  }

  private static long post(String path, String body) {
    Http.Response r = http.api("POST", API + path, t.id(), t.token(), body);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().get("d").get("id").asLong();
  }

  private static JsonNode search(String path, String body) {
    Http.Response r = http.api("POST", path, t.id(), t.token(), body);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().get("d");
  }

  private static List<String> ids(JsonNode d, String field) {
    List<String> out = new ArrayList<>();
    d.get("results").forEach(r -> out.add(r.get(field).asString()));
    return out;
  }

  private static List<String> loans(String body) {
    return ids(search(LOANS, body), "displayId");
  }

  @Test
  void matchAllAnswersEveryLoanWithLoanProFormatsAndTheLatestArchiveRow() {
    JsonNode d = search(LOANS, "{}");
    assertThat(ids(d, "displayId")).containsExactly("L-001", "L-002", "L-003");
    assertThat(d.get("summary").get("total").asInt()).isEqualTo(3);
    assertThat(d.get("summary").get("pageSize").asInt()).isEqualTo(10);
    JsonNode l1 = d.get("results").get(0);
    assertThat(l1.get("loanAmount").asString()).isEqualTo("15000.00");
    assertThat(l1.get("contractDate").asString()).isEqualTo("/Date(1597622400)/");
    assertThat(l1.get("primaryCustomerName").asString()).isEqualTo("Ada Lovelace");
    assertThat(l1.get("daysPastDue").asInt()).isGreaterThan(1000);
    assertThat(new BigDecimal(l1.get("payoff").asString())).isGreaterThan(new BigDecimal("15000"));
    JsonNode latest = http.api("GET", API + "odata.svc/Loans(" + l1.get("id").asLong()
        + ")/StatusArchive?$orderby=date%20desc&$top=1", t.id(), t.token(), null).body().get("d").get("results").get(0);
    for (String f : List.of("daysPastDue", "principalBalance", "payoff", "nextPaymentDate", "nextPaymentAmount")) {
      assertThat(l1.get(f)).as(f).isEqualTo(latest.get(f));
    }
    assertThat(l1.get("principalBalance").isString()).isTrue();
    assertThat(l1.get("archived").asInt()).isZero();
    assertThat(l1.has("customers.firstName")).isFalse();
    JsonNode l2 = d.get("results").get(1);
    assertThat(l2.get("daysPastDue").isNull()).isTrue();
    assertThat(l2.get("payoff").isNull()).isTrue();
    assertThat(l2.get("primaryCustomerName").isNull()).isTrue();
    assertThat(search(API + "odata.svc/Loans/AutoPal.Search()", "{\"query\":{\"match_all\":{}}}").get("results"))
        .hasSize(3);
  }

  @Test
  void matchOnNumbersKeywordsAndWords() {
    assertThat(loans("{\"query\":{\"match\":{\"loanAmount\":15000}}}")).containsExactly("L-001");
    assertThat(loans("{\"query\":{\"match\":{\"loanAmount\":\"5000.5\"}}}")).containsExactly("L-003");
    assertThat(loans("{\"query\":{\"match\":{\"displayId\":\"l-002\"}}}")).containsExactly("L-002");
    assertThat(loans("{\"query\":{\"match\":{\"title\":\"car\"}}}")).containsExactly("L-001", "L-003");
    assertThat(loans("{\"query\":{\"match\":{\"title\":\"car boat\"}}}")).containsExactly("L-001", "L-002", "L-003");
    assertThat(loans("{\"query\":{\"match\":{\"title\":{\"query\":\"small car\",\"operator\":\"and\"}}}}"))
        .containsExactly("L-003");
    assertThat(loans("{\"query\":{\"match\":{\"primaryCustomerName\":\"lovelace\"}}}")).containsExactly("L-001");
    assertThat(loans("{\"query\":{\"match\":{\"loanStatusText\":\"Open\"}}}")).isEmpty();
    assertThat(loans("{\"query\":{\"match\":{\"customers.lastName\":\"LOVELACE\"}}}")).containsExactly("L-001");
    assertThat(loans("{\"query\":{\"query_string\":{\"query\":\"ad*\",\"fields\":[\"customers.firstName\"]}}}"))
        .containsExactly("L-001");
  }

  @Test
  void termAndTermsMatchExactValues() {
    List<String> all = ids(search(LOANS, "{}"), "id");
    assertThat(loans("{\"query\":{\"terms\":{\"id\":[" + all.get(0) + "," + all.get(2) + "]}}}"))
        .containsExactly("L-001", "L-003");
    assertThat(loans("{\"query\":{\"term\":{\"displayId\":\"L-002\"}}}")).containsExactly("L-002");
    assertThat(loans("{\"query\":{\"term\":{\"title\":\"car loan\"}}}")).containsExactly("L-001");
    assertThat(loans("{\"query\":{\"term\":{\"title\":\"car*\"}}}")).isEmpty();
  }

  @Test
  void rangeOnNumbersAndDatesAndTheReferenceBodies() {
    assertThat(loans("""
        {"query":{"bool":{"must":{"match":{"loanAmount":20000}},
        "filter":{"range":{"contractDate":{"gte":"2020-10-01","lte":"2020-10-31"}}}}}}""")).containsExactly("L-002");
    assertThat(loans("{\"query\":{\"range\":{\"contractDate\":{\"gt\":\"/Date(1602720000)/\"}}}}"))
        .containsExactly("L-003");
    assertThat(loans("{\"query\":{\"range\":{\"loanAmount\":{\"gte\":5000.5,\"lt\":\"20000\"}}}}"))
        .containsExactly("L-001", "L-003");
    assertThat(loans("""
        {"size":50,"query":{"bool":{"must":[{"range":{"daysPastDue":{"gt":5}}}]}},
        "sort":[{"daysPastDue":{"order":"asc"}}]}""")).containsExactly("L-001");
  }

  @Test
  void boolCombinations() {
    assertThat(loans("{\"query\":{\"bool\":{\"should\":[{\"match\":{\"displayId\":\"L-001\"}},"
        + "{\"match\":{\"displayId\":\"L-003\"}}]}}}")).containsExactly("L-001", "L-003");
    assertThat(loans("{\"query\":{\"bool\":{\"must_not\":{\"match\":{\"title\":\"car\"}}}}}"))
        .containsExactly("L-002");
    assertThat(loans("{\"query\":{\"bool\":{\"must_not\":{\"range\":{\"daysPastDue\":{\"gt\":5}}}}}}"))
        .containsExactly("L-002", "L-003");
    assertThat(loans("{\"query\":{\"bool\":{\"minimum_should_match\":2,\"should\":[{\"match\":{\"title\":\"car\"}},"
        + "{\"range\":{\"loanAmount\":{\"lt\":10000}}},{\"match\":{\"displayId\":\"L-002\"}}]}}}"))
        .containsExactly("L-003");
    assertThat(loans("{\"query\":{\"bool\":{\"filter\":[{\"match\":{\"title\":\"car\"}}],"
        + "\"should\":[{\"match\":{\"displayId\":\"nope\"}}]}}}")).containsExactly("L-001", "L-003");
  }

  @Test
  void wildcardsOverListedFields() {
    assertThat(loans("{\"query\":{\"query_string\":{\"query\":\"L-00?\",\"fields\":[\"displayId\"]}}}"))
        .containsExactly("L-001", "L-002", "L-003");
    assertThat(loans("{\"query\":{\"query_string\":{\"query\":\"*ovel*\",\"fields\":[\"primaryCustomerName\"]}}}"))
        .containsExactly("L-001");
    assertThat(loans("{\"query\":{\"query_string\":{\"query\":\"bo*\"}}}")).containsExactly("L-002");
    JsonNode d = search(CUSTOMERS, "{\"query\":{\"query_string\":{\"query\":\"*@example.*\",\"fields\":[\"email\"]}}}");
    assertThat(ids(d, "firstName")).containsExactly("Ada", "Alan");
  }

  @Test
  void sortAndPagingWithSizeFromAndStartTop() {
    assertThat(loans("{\"sort\":[{\"loanAmount\":{\"order\":\"desc\"}}]}")).containsExactly("L-002", "L-001", "L-003");
    assertThat(loans("{\"sort\":[\"title\"]}")).containsExactly("L-002", "L-001", "L-003");
    JsonNode page = search(LOANS, "{\"size\":1,\"from\":1,\"sort\":[{\"loanAmount\":\"desc\"}]}");
    assertThat(ids(page, "displayId")).containsExactly("L-001");
    assertThat(page.get("summary").get("start").asInt()).isEqualTo(1);
    assertThat(page.get("summary").get("pageSize").asInt()).isEqualTo(1);
    assertThat(page.get("summary").get("total").asInt()).isEqualTo(3);
    JsonNode params = search(LOANS + "?$start=2&$top=5", "{\"size\":1,\"sort\":[{\"loanAmount\":\"desc\"}]}");
    assertThat(ids(params, "displayId")).containsExactly("L-003");
    assertThat(ids(search(LOANS + "?$orderby=loanAmount%20desc&$top=1", "{}"), "displayId")).containsExactly("L-002");
    assertThat(search(LOANS + "?nopaging=true", "{\"size\":1}").get("results")).hasSize(3);
  }

  @Test
  void sumAndOtherAggregationsOverAllMatches() {
    JsonNode d = search(LOANS, "{\"size\":1,\"aggs\":{\"sum_loanamount\":{\"sum\":{\"field\":\"loanAmount\"}},"
        + "\"max_loanamount\":{\"max\":{\"field\":\"loanAmount\"}},\"n\":{\"value_count\":{\"field\":\"payoff\"}}}}");
    JsonNode aggs = d.get("summary").get("aggregations");
    assertThat(aggs.get("sum_loanamount").get("value").decimalValue()).isEqualByComparingTo("40000.50");
    assertThat(aggs.get("max_loanamount").get("value").decimalValue()).isEqualByComparingTo("20000");
    assertThat(aggs.get("n").get("value").asInt()).isEqualTo(1);
    JsonNode none = search(LOANS, "{\"query\":{\"match\":{\"id\":-1}},\"aggs\":{\"s\":{\"sum\":{\"field\":\"loanAmount\"}},"
        + "\"a\":{\"avg\":{\"field\":\"loanAmount\"}}}}");
    assertThat(none.get("summary").get("aggregations").get("s").get("value").decimalValue()).isEqualByComparingTo("0");
    assertThat(none.get("summary").get("aggregations").get("a").get("value").isNull()).isTrue();
  }

  @Test
  void customerSearchByNameSsnLastFourCityAndState() {
    assertThat(ids(search(CUSTOMERS, "{\"query\":{\"match\":{\"firstName\":\"grace\"}}}"), "lastName"))
        .containsExactly("Hopper");
    JsonNode ssn = search(API + "odata.svc/Customers/AutoPal.Search()", "{\"query\":{\"match\":{\"ssn\":\"6789\"}}}");
    assertThat(ids(ssn, "firstName")).containsExactly("Ada");
    assertThat(ssn.get("results").get(0).get("ssn").asString()).isEqualTo("***-**-6789");
    assertThat(ssn.toString()).doesNotContain("123-45");
    assertThat(ids(search(CUSTOMERS, "{\"query\":{\"match\":{\"ssn\":\"4321\"}}}"), "firstName"))
        .containsExactly("Alan");
    assertThat(ids(search(CUSTOMERS, "{\"query\":{\"bool\":{\"must\":[{\"match\":{\"state\":\"geo.state.CO\"}}],"
        + "\"must_not\":[{\"match\":{\"city\":\"denver\"}}]}}}"), "firstName")).containsExactly("Alan");
    Http.Response full = http.api("POST", CUSTOMERS, t.id(), t.token(), "{\"query\":{\"match\":{\"ssn\":\"123456789\"}}}");
    assertThat(full.status()).isEqualTo(409);
  }

  @Test
  void unknownFieldsAndMalformedBodiesAre409NamingTheProblem() {
    assertThat(refused(LOANS, "{\"query\":{\"match\":{\"balance\":1}}}")).contains("unknown field 'balance'");
    assertThat(refused(CUSTOMERS, "{\"query\":{\"match\":{\"loanAmount\":1}}}")).contains("unknown field 'loanAmount'");
    assertThat(refused(LOANS, "{\"sort\":[\"nope\"]}")).contains("unknown field 'nope'");
    assertThat(refused(LOANS, "{\"aggs\":{\"s\":{\"sum\":{\"field\":\"title\"}}}}")).contains("needs a number field");
    assertThat(refused(LOANS, "{\"query\":{\"match\":")).contains("Malformed JSON");
    assertThat(refused(LOANS, "{\"query\":{\"wildcard\":{\"title\":\"c*\"}}}")).contains("unsupported query type");
    assertThat(refused(LOANS + "?$top=abc", "{}")).contains("$top");
    assertThat(refused(LOANS, "{\"query\":{\"range\":{\"loanAmount\":{\"gt\":1e400}}}}")).contains("out of range");
    assertThat(refused(LOANS + "?$filter=id%20eq%201", "{}")).contains("$filter");
  }

  @Test
  void hostileStringsMatchNothingAndChangeNothing() {
    // (a hostile string that contains a real word, e.g. "loan", matches that word in text fields, as in Elasticsearch)
    String[] hostile = {"'; DROP TABLE customer; --", "%' OR '1'='1", "x' OR 1=1 --", ".*", "L-00_", "%"};
    for (String h : hostile) {
      String json = h.replace("\\", "\\\\").replace("\"", "\\\"");
      assertThat(loans("{\"query\":{\"match\":{\"displayId\":\"" + json + "\"}}}")).as(h).isEmpty();
      assertThat(loans("{\"query\":{\"match\":{\"title\":\"" + json + "\"}}}")).as(h).isEmpty();
      // query_string refuses its operator syntax (OR, a leading -) by name; anything it accepts matches nothing here
      Http.Response qs = http.api("POST", LOANS, t.id(), t.token(),
          "{\"query\":{\"query_string\":{\"query\":\"" + json + "\",\"fields\":[\"displayId\"]}}}");
      if (qs.status() == 409) {
        assertThat(qs.errorMessage()).as(h).contains("query_string");
      } else {
        assertThat(qs.status()).as(h).isEqualTo(200);
        assertThat(qs.body().get("d").get("results")).as(h).isEmpty();
      }
      assertThat(ids(search(CUSTOMERS, "{\"query\":{\"match\":{\"email\":\"" + json + "\"}}}"), "id")).as(h).isEmpty();
    }
    assertThat(loans("{}")).hasSize(3);
    assertThat(search(CUSTOMERS, "{}").get("summary").get("total").asInt()).isEqualTo(3);
  }

  @Test
  void anotherTenantSearchesOnlyItsOwnData() {
    TenantAccess other = server.newTenant();
    Http.Response r = http.api("POST", LOANS, other.id(), other.token(), "{}");
    assertThat(r.body().get("d").get("summary").get("total").asInt()).isZero();
    Http.Response c = http.api("POST", CUSTOMERS, other.id(), other.token(), "{\"query\":{\"match\":{\"ssn\":\"6789\"}}}");
    assertThat(c.body().get("d").get("results")).isEmpty();
  }

  /** With plain scans off, the planner can answer word, wildcard and keyword matches from pg_trgm indexes. */
  @Test
  void wordWildcardAndKeywordMatchesCanUseTheTrigramIndexes() {
    assertThat(plan(SearchIndexes.CUSTOMERS, "{\"query_string\":{\"query\":\"hop*\",\"fields\":[\"lastName\"]}}"))
        .contains("customer_last_name_trgm_idx");
    assertThat(plan(SearchIndexes.CUSTOMERS, "{\"match\":{\"email\":\"ada@example.com\"}}"))
        .contains("customer_email_trgm_idx");
    assertThat(plan(SearchIndexes.LOANS, "{\"match\":{\"displayId\":\"L-002\"}}")).contains("loan_display_id_trgm_idx");
  }

  private static String plan(SearchIndex index, String query) {
    Tenant tenant = server.bean(TenantService.class).tenant(t.id());
    SqlFragment where = SearchTranslator.where(index,
        SearchParser.parse(Http.JSON.readTree("{\"query\":" + query + "}")).query());
    return server.bean(TenantTransactions.class).inTransaction(tenant, db -> {
      db.sql("SET LOCAL enable_seqscan = off").update(); // tiny tables: make the planner show what it can use
      db.sql("SET LOCAL enable_indexscan = off").update();
      return String.join("\n", db.sql("EXPLAIN SELECT * FROM " + index.from() + " WHERE " + where.sql())
          .params(where.params()).query(String.class).list());
    });
  }

  private static String refused(String path, String body) {
    Http.Response r = http.api("POST", path, t.id(), t.token(), body);
    assertThat(r.status()).as(r.raw()).isEqualTo(409);
    return r.errorMessage();
  }
}
