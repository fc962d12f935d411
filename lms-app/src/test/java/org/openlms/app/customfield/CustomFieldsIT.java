package org.openlms.app.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlms.app.support.TenantDriver.ODATA;
import static org.openlms.app.support.TenantDriver.ok;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.support.TenantDriver;
import tools.jackson.databind.JsonNode;

/**
 * Loan custom fields as a lender uses them: defined by name and type, set on loans through LoanSettings in
 * LoanPro's shape, read back, checked against their type, and read by rules in real time and at night.
 */
class CustomFieldsIT {

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();
  private final TenantDriver driver = new TenantDriver(server);

  @Test
  void valuesAreSetInLoanProsShapeAndReadBackInTheirTypesForm() {
    TenantAccess t = server.newTenant();
    long agency = field(t, "Collections agency", "text");
    long score = field(t, "Risk score", "number");
    long promise = field(t, "Promise date", "date");
    long bankrupt = field(t, "Bankruptcy", "boolean");
    long loan = loan(t, "CF-1");

    ok(set(t, loan, "{\"customFieldId\":" + agency + ",\"customFieldValue\":\"Acme Recovery\"},"
        + "{\"customFieldId\":" + score + ",\"customFieldValue\":\"0720.50\"},"
        + "{\"customFieldId\":" + promise + ",\"customFieldValue\":\"2026-12-01\"},"
        + "{\"customFieldId\":" + bankrupt + ",\"customFieldValue\":true}"));

    assertThat(values(t, "LoanSettings(id=" + loan + ")/CustomFieldValues")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "Collections agency", "Acme Recovery", "Risk score", "720.50", "Promise date", "2026-12-01", "Bankruptcy", "1"));
    JsonNode settings = driver.settings(t, loan);
    assertThat(settings.get("CustomFieldValues").get("__deferred").get("uri").asString())
        .isEqualTo("LoanSettings(id=" + loan + ")/CustomFieldValues");

    // The entity set takes OData options like every other set.
    long other = loan(t, "CF-2");
    ok(set(t, other, "{\"customFieldId\":" + score + ",\"customFieldValue\":580}"));
    JsonNode page = ok(http.api("GET", ODATA + "CustomFieldValues?$filter=customFieldName%20eq%20'Risk%20score'"
        + "&$orderby=entityId%20desc", t.id(), t.token(), null)).get("d");
    assertThat(page.get("summary").get("total").asLong()).isEqualTo(2);
    assertThat(page.get("results").get(0).get("entityId").asLong()).isEqualTo(other);
    assertThat(page.get("results").get(0).get("customFieldValue").asString()).isEqualTo("580");
    assertThat(page.get("results").get(0).get("entityType").asString()).isEqualTo("Entity.LoanSettings");

    // A null value clears the field; the others stay.
    ok(set(t, loan, "{\"customFieldId\":" + agency + ",\"customFieldValue\":null}"));
    assertThat(values(t, "LoanSettings(id=" + loan + ")/CustomFieldValues")).doesNotContainKey("Collections agency")
        .containsEntry("Risk score", "720.50");
  }

  @Test
  void badValuesAndUnknownFieldsAreRefusedAndChangeNothing() {
    TenantAccess t = server.newTenant();
    long agency = field(t, "Agency", "text");
    long score = field(t, "Score", "number");
    long loan = loan(t, "CF-BAD");
    ok(set(t, loan, "{\"customFieldId\":" + agency + ",\"customFieldValue\":\"Before\"}"));

    // One good value, one bad: the request changes nothing, the title included.
    Http.Response r = http.api("PUT", ODATA + "Loans(" + loan + ")", t.id(), t.token(), "{\"title\":\"changed\","
        + "\"LoanSettings\":{\"customFieldValues\":{\"results\":[{\"customFieldId\":" + agency
        + ",\"customFieldValue\":\"After\"},{\"customFieldId\":" + score + ",\"customFieldValue\":\"abc\"}]}}}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorMessage()).contains("customFieldValues[1].customFieldValue").contains("number");
    assertThat(values(t, "LoanSettings(id=" + loan + ")/CustomFieldValues")).isEqualTo(Map.of("Agency", "Before"));
    assertThat(ok(http.api("GET", ODATA + "Loans(" + loan + ")", t.id(), t.token(), null)).get("d").get("title")
        .isNull()).isTrue();

    for (String[] bad : new String[][] {
        {"[{\"customFieldId\":" + agency + ",\"customFieldValue\":\"x\"}]", "results"},
        {"{\"results\":[{\"customFieldId\":999999,\"customFieldValue\":\"x\"}]}", "999999"},
        {"{\"results\":[{\"customFieldId\":" + agency + "}]}", "customFieldValue"},
        {"{\"results\":[{\"customFieldId\":" + agency + ",\"customFieldValue\":{\"a\":1}}]}", "customFieldValue"},
        {"{\"results\":[{\"customFieldId\":" + agency + ",\"customFieldValue\":\"x\",\"color\":1}]}", "color"},
        {"{\"results\":[{\"customFieldId\":" + agency + ",\"customFieldValue\":\"x\"},{\"customFieldId\":" + agency
            + ",\"customFieldValue\":\"y\"}]}", "twice"}}) {
      Http.Response refused = http.api("PUT", ODATA + "Loans(" + loan + ")", t.id(), t.token(),
          "{\"LoanSettings\":{\"customFieldValues\":" + bad[0] + "}}");
      assertThat(refused.status()).as(bad[0]).isEqualTo(409);
      assertThat(refused.errorMessage()).as(bad[0]).contains(bad[1]);
    }
    assertThat(values(t, "LoanSettings(id=" + loan + ")/CustomFieldValues")).isEqualTo(Map.of("Agency", "Before"));

    // Definitions: a type we do not have, a name taken, a name with a line break.
    assertThat(http.api("POST", ODATA + "CustomFields", t.id(), t.token(), "{\"name\":\"X\",\"type\":\"select\"}")
        .errorMessage()).contains("type");
    assertThat(http.api("POST", ODATA + "CustomFields", t.id(), t.token(), "{\"name\":\"Agency\"}").errorMessage())
        .contains("already");
    assertThat(http.api("POST", ODATA + "CustomFields", t.id(), t.token(), "{\"name\":\"A\\nB\"}").status())
        .isEqualTo(409);
    // A type change that stored values do not fit is refused; one they fit is taken.
    ok(set(t, loan, "{\"customFieldId\":" + score + ",\"customFieldValue\":\"12\"}"));
    assertThat(http.api("PUT", ODATA + "CustomFields(" + agency + ")", t.id(), t.token(), "{\"type\":\"number\"}")
        .errorMessage()).contains("Before");
    ok(http.api("PUT", ODATA + "CustomFields(" + score + ")", t.id(), t.token(), "{\"type\":\"text\"}"));
  }

  @Test
  void rulesReadCustomFieldsInRealTimeAndAtNight() {
    TenantAccess t = server.newTenant();
    long agency = field(t, "Collections agency", "text");
    long score = field(t, "Risk score", "number");
    long watch = ok(http.api("POST", ODATA + "WarningFlags", t.id(), t.token(),
        "{\"name\":\"With agency\",\"color\":\"#ff0000\"}")).get("d").get("id").asLong();
    driver.rule(t, "agency flag", "custom['Collections agency'] == 'Acme'", 1, true,
        "{\"type\":\"setFlag\",\"flagId\":" + watch + "}");
    driver.rule(t, "low score", "custom['Risk score'] != '' && double(custom['Risk score']) < 600.0", 2, false,
        "{\"type\":\"setStatus\",\"loanStatusId\":2,\"loanSubStatusId\":20}");
    long acme = loan(t, "CF-ACME");
    long low = loan(t, "CF-LOW");
    long unset = loan(t, "CF-UNSET");

    ok(set(t, acme, "{\"customFieldId\":" + agency + ",\"customFieldValue\":\"Acme\"}"));
    assertThat(flags(t, acme)).containsExactly(watch); // real time: the change itself evaluated the rule
    ok(set(t, low, "{\"customFieldId\":" + score + ",\"customFieldValue\":\"550\"},"
        + "{\"customFieldId\":" + agency + ",\"customFieldValue\":\"Other\"}"));
    assertThat(flags(t, low)).isEmpty();
    assertThat(driver.settings(t, low).get("loanSubStatusId").asInt()).isNotEqualTo(20); // nightly rule, not yet

    driver.maintain(t);
    assertThat(driver.settings(t, low).get("loanSubStatusId").asInt()).isEqualTo(20);
    assertThat(driver.settings(t, acme).get("loanSubStatusId").asInt()).isNotEqualTo(20);
    assertThat(driver.settings(t, unset).get("loanSubStatusId").asInt()).isNotEqualTo(20);
    assertThat(driver.db(t).sql("SELECT count(*) FROM automation_error").query(Long.class).single()).isZero();

    // The dry run shows the facts the rules saw.
    JsonNode dry = ok(http.api("POST", ODATA + "Loans(" + low + ")/Autopal.EvaluateRules()", t.id(), t.token(), "{}"));
    assertThat(dry.get("d").get("facts").get("custom").get("Risk score").asString()).isEqualTo("550");
  }

  @Test
  void aRuleMayReadOnlyDefinedFieldsAndAFieldRulesReadStaysAsItIs() {
    TenantAccess t = server.newTenant();
    long agency = field(t, "Collections agency", "text");
    long unused = field(t, "Unused", "text");
    Http.Response typo = http.api("POST", ODATA + "AutomationRules", t.id(), t.token(), "{\"name\":\"typo\","
        + "\"rule\":\"custom['Colections agency'] == 'Acme'\",\"actions\":[{\"type\":\"enableAutopay\"}]}");
    assertThat(typo.status()).isEqualTo(409);
    assertThat(typo.errorMessage()).contains("position 1").contains("Colections agency").contains("not defined");
    assertThat(http.api("POST", ODATA + "StoplightRules", t.id(), t.token(), "{\"name\":\"s\",\"rule\":"
        + "\"true && custom[\\\"Nope\\\"] == ''\",\"color\":\"red\",\"priority\":1}").errorMessage())
        .contains("position 9").contains("Nope");

    driver.rule(t, "reads agency", "custom['Collections agency'] == 'Acme'", 1, false, "{\"type\":\"enableAutopay\"}");
    Http.Response delete = http.api("DELETE", ODATA + "CustomFields(" + agency + ")", t.id(), t.token(), null);
    assertThat(delete.status()).isEqualTo(409);
    assertThat(delete.errorMessage()).contains("reads agency");
    assertThat(http.api("PUT", ODATA + "CustomFields(" + agency + ")", t.id(), t.token(), "{\"name\":\"Agency\"}")
        .errorMessage()).contains("reads agency");

    long loan = loan(t, "CF-DEL");
    ok(set(t, loan, "{\"customFieldId\":" + unused + ",\"customFieldValue\":\"gone soon\"}"));
    ok(http.api("DELETE", ODATA + "CustomFields(" + unused + ")", t.id(), t.token(), null));
    assertThat(values(t, "LoanSettings(id=" + loan + ")/CustomFieldValues")).isEmpty();
  }

  @Test
  void aRuleSetsACustomFieldAndTheNextRuleSeesIt() {
    TenantAccess t = server.newTenant();
    long grade = field(t, "Grade", "text");
    long reviewed = field(t, "Reviewed", "boolean");
    Http.Response unknown = http.api("POST", ODATA + "AutomationRules", t.id(), t.token(), "{\"name\":\"x\","
        + "\"rule\":\"true\",\"actions\":[{\"type\":\"setCustomField\",\"customFieldId\":999999,\"value\":\"A\"}]}");
    assertThat(unknown.errorMessage()).contains("999999").contains("does not exist");
    assertThat(http.api("POST", ODATA + "AutomationRules", t.id(), t.token(), "{\"name\":\"x\",\"rule\":\"true\","
        + "\"actions\":[{\"type\":\"setCustomField\",\"customFieldId\":" + reviewed + ",\"value\":\"maybe\"}]}")
        .errorMessage()).contains("boolean");

    driver.rule(t, "late is grade C", "status.daysPastDue > 0", 1, false,
        "{\"type\":\"setCustomField\",\"customFieldId\":" + grade + ",\"value\":\"C\"}");
    driver.rule(t, "grade C is reviewed", "custom['Grade'] == 'C'", 2, false,
        "{\"type\":\"setCustomField\",\"customFieldId\":" + reviewed + ",\"value\":true}");
    LocalDate today = driver.today(t);
    long late = driver.loan(t, "CF-LATE", today.minusDays(50), today.minusDays(20), 5000);
    long current = loan(t, "CF-CURRENT");
    driver.maintain(t);
    assertThat(values(t, "LoanSettings(id=" + late + ")/CustomFieldValues"))
        .isEqualTo(Map.of("Grade", "C", "Reviewed", "1"));
    assertThat(values(t, "LoanSettings(id=" + current + ")/CustomFieldValues")).isEmpty();

    Http.Response delete = http.api("DELETE", ODATA + "CustomFields(" + reviewed + ")", t.id(), t.token(), null);
    assertThat(delete.status()).isEqualTo(409);
    assertThat(delete.errorMessage()).contains("grade C is reviewed");
  }

  // --- helpers ---

  private long field(TenantAccess t, String name, String type) {
    return ok(http.api("POST", ODATA + "CustomFields", t.id(), t.token(),
        "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}")).get("d").get("id").asLong();
  }

  private long loan(TenantAccess t, String displayId) {
    LocalDate today = driver.today(t);
    return driver.loan(t, displayId, today.minusDays(3), today.plusDays(20), 5000);
  }

  private Http.Response set(TenantAccess t, long loan, String values) {
    return http.api("PUT", ODATA + "Loans(" + loan + ")", t.id(), t.token(),
        "{\"LoanSettings\":{\"__update\":true,\"customFieldValues\":{\"results\":[" + values + "]}}}");
  }

  private Map<String, String> values(TenantAccess t, String path) {
    JsonNode rows = ok(http.api("GET", ODATA + path, t.id(), t.token(), null)).get("d").get("results");
    Map<String, String> m = new java.util.HashMap<>();
    StreamSupport.stream(rows.spliterator(), false)
        .forEach(r -> m.put(r.get("customFieldName").asString(), r.get("customFieldValue").asString()));
    return m;
  }

  private List<Long> flags(TenantAccess t, long id) {
    return driver.db(t).sql("SELECT flag_id FROM loan_flag WHERE loan_id = ? ORDER BY flag_id").param(id)
        .query(Long.class).list();
  }
}
