package org.openlms.app.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A customer as stored; {@code id}, {@code created} and {@code lastUpdate} are null before the first save. */
public record Customer(Long id, String customerType, String customerIdType, String customId, String status,
    String firstName, String middleName, String lastName, LocalDate birthDate, String gender,
    String generationCode, String email, String ssn, String driverLicense, String companyName,
    String contactName, BigDecimal creditLimit, String primaryPhone, boolean active, Address primaryAddress,
    Address mailAddress, Instant created, Instant lastUpdate) {

  public static final String INDIVIDUAL = "customer.type.individual";
  public static final String COMPANY = "customer.type.company";

  /** The SSN as the API shows it: only the last four digits, e.g. {@code ***-**-1234}. */
  public String maskedSsn() {
    if (ssn == null) {
      return null;
    }
    String digits = ssn.replaceAll("[^0-9]", "");
    return "***-**-" + (digits.length() > 4 ? digits.substring(digits.length() - 4) : digits);
  }

  /** Never prints the SSN, so a customer logged by accident does not leak it. */
  @Override
  public String toString() {
    return "Customer[id=" + id + ", type=" + customerType + "]";
  }
}
