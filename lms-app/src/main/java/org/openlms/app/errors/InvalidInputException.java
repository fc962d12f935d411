package org.openlms.app.errors;

/** The caller sent something we refuse (bad value, unknown reference, broken rule); answered as 409. */
public class InvalidInputException extends RuntimeException {

  public InvalidInputException(String message) {
    super(message);
  }
}
