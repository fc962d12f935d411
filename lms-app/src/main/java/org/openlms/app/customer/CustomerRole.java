package org.openlms.app.customer;

import java.util.Arrays;
import java.util.Optional;

/** A customer's role on a loan, with LoanPro's codes. */
public enum CustomerRole {
  PRIMARY("loan.customerRole.primary"),
  SECONDARY("loan.customerRole.secondary"),
  ADDITIONAL("loan.customerRole.additional");

  private final String code;

  CustomerRole(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<CustomerRole> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
