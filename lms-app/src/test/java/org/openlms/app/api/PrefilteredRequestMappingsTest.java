package org.openlms.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefilteredRequestMappingsTest {

  @Test
  void theFixedTextEndsAtTheFirstVariableOrWildcard() {
    assertThat(PrefilteredRequestMappings.fixedPrefix("/api/public/api/1/odata.svc/Loans({id})/Payments"))
        .isEqualTo("/api/public/api/1/odata.svc/Loans(");
    assertThat(PrefilteredRequestMappings.fixedPrefix("/api/public/api/1/odata.svc/Loans()"))
        .isEqualTo("/api/public/api/1/odata.svc/Loans()");
    assertThat(PrefilteredRequestMappings.fixedPrefix("/static/**")).isEqualTo("/static/");
    assertThat(PrefilteredRequestMappings.fixedPrefix("/a/fil?.txt")).isEqualTo("/a/fil");
    assertThat(PrefilteredRequestMappings.fixedPrefix("/{tenant}/x")).isEqualTo("/");
    assertThat(PrefilteredRequestMappings.fixedPrefix("")).isEmpty();
  }
}
