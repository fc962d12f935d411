package org.openlms.app.api.odata.query;

/** One {@code $orderby} key. */
public record OrderKey(ODataProperty property, boolean descending) {
  String sql() {
    return property.sqlExpression() + (descending ? " DESC" : " ASC");
  }
}
