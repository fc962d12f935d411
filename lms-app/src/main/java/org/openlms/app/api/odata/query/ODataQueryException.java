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

  /**
   * Whether a database error raised while running a plan's SQL was caused by the client's values rather than by
   * the server: SQLSTATE class 22 (data exception), e.g. 22003 when {@code id mul 9223372036854775807} overflows.
   * The query layer cannot rule these out without evaluating; the API layer should answer them like this
   * exception (409), not as a server error.
   */
  public static boolean isClientDataError(String sqlState) {
    return sqlState != null && sqlState.startsWith("22");
  }

  /** The exception type name LoanPro puts in {@code error.type}. */
  public String type() {
    return "ODataQueryException";
  }
}
