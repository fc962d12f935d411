package org.openlms.app.automation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openlms.engine.rules.RuleCompiler;

/** The benchmark's configuration is the size the issue asks for, and every rule and action in it is valid. */
class BenchmarkAutomationTest {

  @Test
  void twentyRulesThreeStoplightsFiveFlagsAllValid() throws Exception {
    assertThat(BenchmarkAutomation.RULES).hasSize(20);
    assertThat(BenchmarkAutomation.STOPLIGHTS).hasSize(3);
    assertThat(BenchmarkAutomation.FLAGS).hasSize(5);
    RuleCompiler compiler = new RuleCompiler();
    for (String[] r : BenchmarkAutomation.RULES) {
      compiler.compile(r[0].replace("P1", "1").replace("P2", "2").replace("P3", "3"));
      assertThat(RuleActions.read(tools.jackson.databind.json.JsonMapper.builder().build()
          .readTree("[" + r[1].replace("P1", "1").replace("P2", "2").replace("P3", "3") + "]"))).hasSize(1);
    }
    for (String[] s : BenchmarkAutomation.STOPLIGHTS) {
      compiler.compile(s[0]);
    }
    for (String[] f : BenchmarkAutomation.FLAGS) {
      compiler.compile(f[1]);
    }
  }
}
