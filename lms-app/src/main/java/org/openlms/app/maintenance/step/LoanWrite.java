package org.openlms.app.maintenance.step;

import java.util.List;

/**
 * A parameterised statement a step wants executed for one loan. The worker batches writes with the same
 * SQL into one JDBC batch, in the order the statements were first seen, and drops every write of a loan
 * that failed in any step.
 */
public record LoanWrite(long loanId, String sql, List<Object> params) {
  public LoanWrite {
    params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params)) /* SQL NULLs are allowed */;
  }
}
