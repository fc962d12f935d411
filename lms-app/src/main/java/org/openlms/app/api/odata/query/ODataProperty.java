package org.openlms.app.api.odata.query;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One property of an entity: the OData name clients use and the SQL column expression it maps to.
 * The column is written by developers, never by clients, and is the only SQL that reaches a query for it.
 */
public record ODataProperty(String name, String column, ODataType type, boolean filterable, boolean sortable) {
  static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Pattern SIMPLE_COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  public ODataProperty {
    Objects.requireNonNull(type, "type");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid OData property name: " + name);
    }
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException("Property " + name + " needs a SQL column expression");
    }
  }

  /** The column, parenthesised unless it is a plain (qualified) name, so operators around it bind right. */
  String sqlExpression() {
    return SIMPLE_COLUMN.matcher(column).matches() ? column : "(" + column + ")";
  }

  /** A property that can be filtered and sorted on. */
  public static ODataProperty of(String name, String column, ODataType type) {
    return new ODataProperty(name, column, type, true, true);
  }

  /** A property that can be selected but neither filtered nor sorted on (e.g. unindexed JSON text). */
  public static ODataProperty selectOnly(String name, String column, ODataType type) {
    return new ODataProperty(name, column, type, false, false);
  }
}
