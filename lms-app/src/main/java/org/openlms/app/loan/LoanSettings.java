package org.openlms.app.loan;

/** LoanSettings: status ids configured by the tenant and servicing switches. */
public record LoanSettings(Integer loanStatusId, Integer loanSubStatusId, Integer sourceCompany,
    boolean autopayEnabled, boolean isStoplightManuallySet) {

  public static LoanSettings defaults() {
    return new LoanSettings(null, null, null, false, false);
  }
}
