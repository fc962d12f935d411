package org.openlms.app.api.odata.query;

import java.util.Optional;

/** OData v2 binary operators with the SQL operator each maps to. */
public enum BinaryOperator {
  OR("or", "OR", Kind.LOGICAL),
  AND("and", "AND", Kind.LOGICAL),
  EQ("eq", "=", Kind.COMPARISON),
  NE("ne", "<>", Kind.COMPARISON),
  GT("gt", ">", Kind.COMPARISON),
  GE("ge", ">=", Kind.COMPARISON),
  LT("lt", "<", Kind.COMPARISON),
  LE("le", "<=", Kind.COMPARISON),
  ADD("add", "+", Kind.ARITHMETIC),
  SUB("sub", "-", Kind.ARITHMETIC),
  MUL("mul", "*", Kind.ARITHMETIC),
  DIV("div", "/", Kind.ARITHMETIC),
  MOD("mod", "%", Kind.ARITHMETIC);

  enum Kind { LOGICAL, COMPARISON, ARITHMETIC }

  private final String token;
  private final String sql;
  private final Kind kind;

  BinaryOperator(String token, String sql, Kind kind) {
    this.token = token;
    this.sql = sql;
    this.kind = kind;
  }

  public String token() {
    return token;
  }

  String sql() {
    return sql;
  }

  Kind kind() {
    return kind;
  }

  /** The operator spelled {@code word} in any case; the parser accepts only the lowercase spelling. */
  static Optional<BinaryOperator> ignoringCase(String word) {
    for (BinaryOperator op : values()) {
      if (op.token.equalsIgnoreCase(word)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
