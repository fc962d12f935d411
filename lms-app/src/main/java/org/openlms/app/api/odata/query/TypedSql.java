package org.openlms.app.api.odata.query;

/** A translated sub-expression and its type; {@code type == null} means the {@code null} literal. */
record TypedSql(SqlFragment sql, ODataType type) {
  boolean isNull() {
    return type == null;
  }

  static String describe(ODataType type) {
    return type == null ? "null" : type.name();
  }
}
