package org.openlms.app.api.odata.query;

import static org.openlms.app.api.odata.query.FilterTranslator.infix;
import static org.openlms.app.api.odata.query.FilterTranslator.mismatch;
import static org.openlms.app.api.odata.query.FilterTranslator.pair;

import org.openlms.app.api.odata.query.FilterExpr.Binary;
import org.openlms.app.api.odata.query.FilterExpr.Literal;

/** Type rules for {@code eq ne gt ge lt le}. */
final class Comparisons {
  private Comparisons() {
  }

  static TypedSql compare(Binary b, TypedSql left, TypedSql right) {
    BinaryOperator op = b.operator();
    boolean equality = op == BinaryOperator.EQ || op == BinaryOperator.NE;
    if (left.isNull() || right.isNull()) {
      if (!equality) {
        throw mismatch("Operator '" + op.token() + "' cannot compare with null (use eq null or ne null)", b);
      }
      TypedSql subject = left.isNull() ? right : left;
      return new TypedSql(SqlFragment.concat("(", subject.sql(),
          op == BinaryOperator.EQ ? " IS NULL)" : " IS NOT NULL)"), ODataType.BOOLEAN);
    }
    ODataType l = left.type();
    ODataType r = right.type();
    if (l == ODataType.BOOLEAN && r == ODataType.BOOLEAN) {
      if (!equality) {
        throw mismatch("Operator '" + op.token() + "' cannot order BOOLEAN values", b);
      }
      return infix(left, op, right, ODataType.BOOLEAN);
    }
    if (l == r || l.isNumeric() && r.isNumeric()) {
      return infix(left, op, right, ODataType.BOOLEAN);
    }
    if (l.isTemporal() && r.isTemporal()) {
      return mixedTemporal(b, left, right);
    }
    throw mismatch("Operator '" + op.token() + "' cannot compare " + pair(left, right), b);
  }

  /**
   * DATE against DATETIME. A datetime literal is reduced to its UTC date, so {@code date ge datetime'2021-03-17'}
   * compares dates (and uses a date index). Otherwise the date is taken as midnight UTC, as LoanPro defines it.
   */
  private static TypedSql mixedTemporal(Binary b, TypedSql left, TypedSql right) {
    if (left.type() == ODataType.DATE && b.right() instanceof Literal lit) {
      return infix(left, b.operator(), FilterTranslator.asDate(lit), ODataType.BOOLEAN);
    }
    if (right.type() == ODataType.DATE && b.left() instanceof Literal lit) {
      return infix(FilterTranslator.asDate(lit), b.operator(), right, ODataType.BOOLEAN);
    }
    return infix(midnightUtc(left), b.operator(), midnightUtc(right), ODataType.BOOLEAN);
  }

  private static TypedSql midnightUtc(TypedSql side) {
    return side.type() != ODataType.DATE ? side
        : new TypedSql(SqlFragment.concat("(CAST(", side.sql(), " AS timestamp) AT TIME ZONE 'UTC')"),
            ODataType.DATETIME);
  }
}
