package org.openlms.app.api.odata;

import org.openlms.app.errors.InvalidInputException;

/**
 * Paging of an OData collection: {@code $top} (default 50, as LoanPro), {@code $skip} (or search's
 * {@code $start}) and {@code nopaging}, which lifts the page size to the hard maximum.
 */
public record ODataPage(int top, int skip) {

  public static final int DEFAULT_TOP = 50;
  public static final int MAX_TOP = 10_000;

  static ODataPage parse(String top, String skip, String start, boolean nopaging) {
    int t = nopaging ? MAX_TOP : number("$top", top, DEFAULT_TOP, 1, MAX_TOP);
    String from = skip != null ? skip : start;
    return new ODataPage(t, number(skip != null ? "$skip" : "$start", from, 0, 0, Integer.MAX_VALUE));
  }

  private static int number(String name, String raw, int dflt, int min, int max) {
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      long v = Long.parseLong(raw.strip());
      if (v < min || v > max) {
        throw new InvalidInputException(name + " must be between " + min + " and " + max);
      }
      return (int) v;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " must be a whole number");
    }
  }
}
