package org.openlms.app.errors;

/** A missing entity. LoanPro answers these with 409 and "Resource not found for the segment 'X'". */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String segment) {
    super("Resource not found for the segment '" + segment + "'");
  }
}
