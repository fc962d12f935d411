package org.openlms.app.api.odata.query;

import java.util.regex.Pattern;

/**
 * A navigation property ({@code $expand} name): rows of {@code targetSet} whose {@code targetColumn} equals this
 * entity's {@code sourceColumn}. Many-to-many links are declared against a target whose FROM clause already
 * joins the link table. Both columns are developer-written SQL.
 */
public record ODataNavigation(String name, String targetSet, String sourceColumn, String targetColumn,
    boolean collection) {
  private static final Pattern NAME = ODataProperty.NAME;

  public ODataNavigation {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid navigation name: " + name);
    }
    if (targetSet == null || sourceColumn == null || targetColumn == null) {
      throw new IllegalArgumentException("Navigation " + name + " needs a target set and join columns");
    }
  }

  public static ODataNavigation many(String name, String targetSet, String sourceColumn, String targetColumn) {
    return new ODataNavigation(name, targetSet, sourceColumn, targetColumn, true);
  }

  public static ODataNavigation one(String name, String targetSet, String sourceColumn, String targetColumn) {
    return new ODataNavigation(name, targetSet, sourceColumn, targetColumn, false);
  }
}
