package org.openlms.app.automation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openlms.engine.rules.RuleCompiler;

/** The benchmark's configuration is the size the issue asks for, and every rule and action in it is valid. */
class BenchmarkAutomationTest {

  @Test
  void twoChargesTwentyRulesThreeStoplightsFiveFlagsAllValid() throws Exception {
    assertThat(BenchmarkAutomation.CHARGES).hasSize(2);
    assertThat(BenchmarkAutomation.RULES).hasSize(20);
    assertThat(BenchmarkAutomation.STOPLIGHTS).hasSize(3);
    assertThat(BenchmarkAutomation.FLAGS).hasSize(5);
    RuleCompiler compiler = new RuleCompiler();
    for (String[] r : BenchmarkAutomation.RULES) {
      compiler.compile(r[0].replace("P1", "1").replace("P2", "2").replace("P3", "3"));
      assertThat(RuleActions.read(tools.jackson.databind.json.JsonMapper.builder().build()
          .readTree("[" + r[1].replace("P1", "1").replace("P2", "2").replace("P3", "3") + "]"))).hasSize(1);
    }
    for (String[] c : BenchmarkAutomation.CHARGES) {
      java.util.Map<String, Object> row = new java.util.HashMap<>(java.util.Map.of("id", 1L, "title", c[0],
          "trigger_type", "charge.recurring.triggertype.rule", "trigger_rule", c[1], "restriction_rule", c[2],
          "calculation", c[3], "charge_type_id", 5, "charge_application_type", "loan.latefeeapp.standard"));
      if (c[4] != null) {
        row.put("fixed_amount", new java.math.BigDecimal(c[4]));
      }
      if (c[5] != null) {
        row.put("percentage", new java.math.BigDecimal(c[5]));
        row.put("percentage_base", c[6]);
      }
      RecurringCharge charge = RecurringCharge.of(row, (field, rule) -> {
        try {
          return compiler.compile(rule);
        } catch (org.openlms.engine.rules.RuleRejectedException e) {
          throw new AssertionError(field + ": " + e.getMessage());
        }
      });
      assertThat(charge.trigger()).isEqualTo(RecurringCharge.Trigger.RULE);
    }
    for (String[] s : BenchmarkAutomation.STOPLIGHTS) {
      compiler.compile(s[0]);
    }
    for (String[] f : BenchmarkAutomation.FLAGS) {
      compiler.compile(f[1]);
    }
  }
}
