package org.openlms.app.api.odata.query;

import java.util.Optional;

/** The whitelist of {@code $filter} functions: anything else is refused by the parser. */
public enum ODataFunction {
  SUBSTRINGOF("substringof", 2),
  STARTSWITH("startswith", 2),
  ENDSWITH("endswith", 2),
  INDEXOF("indexof", 2),
  TOLOWER("tolower", 1),
  TOUPPER("toupper", 1),
  LENGTH("length", 1),
  TRIM("trim", 1),
  CONCAT("concat", 2),
  YEAR("year", 1),
  MONTH("month", 1),
  DAY("day", 1),
  HOUR("hour", 1),
  MINUTE("minute", 1),
  SECOND("second", 1),
  ROUND("round", 1),
  FLOOR("floor", 1),
  CEILING("ceiling", 1);

  private final String odataName;
  private final int arity;

  ODataFunction(String odataName, int arity) {
    this.odataName = odataName;
    this.arity = arity;
  }

  public String odataName() {
    return odataName;
  }

  public int arity() {
    return arity;
  }

  /** Looks a function up by its exact OData (lowercase) name. */
  static Optional<ODataFunction> named(String name) {
    for (ODataFunction f : values()) {
      if (f.odataName.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
