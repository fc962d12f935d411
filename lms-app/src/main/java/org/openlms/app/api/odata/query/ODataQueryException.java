package org.openlms.app.api.odata.query;

/**
 * A query option could not be parsed, names something the entity model does not declare, or is outside the
 * limits. The message is meant for the API client (the API layer returns it as HTTP 409 in LoanPro's error
 * envelope), so it names the option, the offending token or property and, where known, its 1-based position.
 */
public final class ODataQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ODataQueryException(String message) {
    super(message);
  }

  /** The exception type name LoanPro puts in {@code error.type}. */
  public String type() {
    return "ODataQueryException";
  }
}
