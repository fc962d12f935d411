package org.openlms.app.api.odata.query;

import java.time.OffsetDateTime;
import org.openlms.app.api.odata.query.FilterExpr.Binary;
import org.openlms.app.api.odata.query.FilterExpr.Call;
import org.openlms.app.api.odata.query.FilterExpr.Literal;
import org.openlms.app.api.odata.query.FilterExpr.Property;
import org.openlms.app.api.odata.query.FilterExpr.Unary;
import org.openlms.app.api.odata.query.FilterExpr.UnaryOperator;

/**
 * Turns a {@link FilterExpr} into a parameterised SQL condition over one entity, checking types on the way.
 * Properties are resolved only through the entity model; literals only ever become parameters.
 * Comparisons keep SQL semantics: {@code ne} does not match rows where the property is NULL.
 */
public final class FilterTranslator {
  private final ODataEntity entity;

  private FilterTranslator(ODataEntity entity) {
    this.entity = entity;
  }

  /** The SQL condition for {@code filter}; fails unless the expression is a true/false condition. */
  public static SqlFragment translate(FilterExpr filter, ODataEntity entity) {
    TypedSql result = new FilterTranslator(entity).typed(filter);
    if (result.type() != ODataType.BOOLEAN) {
      throw new ODataQueryException("$filter must be a condition (true or false) but is of type "
          + TypedSql.describe(result.type()));
    }
    return result.sql();
  }

  TypedSql typed(FilterExpr e) {
    if (e instanceof Literal l) {
      return literal(l);
    } else if (e instanceof Property p) {
      return property(p);
    } else if (e instanceof Unary u) {
      return unary(u);
    } else if (e instanceof Binary b) {
      return binary(b);
    }
    return FunctionSql.translate((Call) e, this);
  }

  private static TypedSql literal(Literal l) {
    switch (l.kind()) {
      case STRING: return new TypedSql(SqlFragment.param(l.value(), "text"), ODataType.STRING);
      case INTEGER: return new TypedSql(SqlFragment.param(l.value(), "bigint"), ODataType.INTEGER);
      case DECIMAL: return new TypedSql(SqlFragment.param(l.value(), "numeric"), ODataType.DECIMAL);
      case BOOLEAN: return new TypedSql(SqlFragment.param(l.value(), "boolean"), ODataType.BOOLEAN);
      case DATETIME: return new TypedSql(SqlFragment.param(l.value(), "timestamptz"), ODataType.DATETIME);
      default: return new TypedSql(SqlFragment.concat("NULL"), null);
    }
  }

  private TypedSql property(Property p) {
    ODataProperty prop = entity.property(p.name()).orElseThrow(() -> new ODataQueryException(
        "Unknown property '" + p.name() + "' in $filter at position " + p.position()
            + entity.nameLike(p.name()).map(n -> " (did you mean '" + n + "'?)").orElse("")));
    if (!prop.filterable()) {
      throw new ODataQueryException("Property '" + p.name() + "' cannot be used in $filter (position "
          + p.position() + ")");
    }
    return new TypedSql(SqlFragment.concat(prop.sqlExpression()), prop.type());
  }

  private TypedSql unary(Unary u) {
    TypedSql operand = typed(u.operand());
    if (u.operator() == UnaryOperator.NOT) {
      if (operand.type() != ODataType.BOOLEAN) {
        throw mismatch("Operator 'not' needs a true/false operand but got " + TypedSql.describe(operand.type()),
            u);
      }
      return new TypedSql(SqlFragment.concat("(NOT ", operand.sql(), ")"), ODataType.BOOLEAN);
    }
    if (operand.isNull() || !operand.type().isNumeric()) {
      throw mismatch("Operator '-' needs a number but got " + TypedSql.describe(operand.type()), u);
    }
    return new TypedSql(SqlFragment.concat("(-", operand.sql(), ")"), operand.type());
  }

  private TypedSql binary(Binary b) {
    TypedSql left = typed(b.left());
    TypedSql right = typed(b.right());
    String op = b.operator().token();
    switch (b.operator().kind()) {
      case LOGICAL:
        if (left.type() != ODataType.BOOLEAN || right.type() != ODataType.BOOLEAN) {
          throw mismatch("Operator '" + op + "' needs true/false operands but got " + pair(left, right), b);
        }
        return infix(left, b.operator(), right, ODataType.BOOLEAN);
      case ARITHMETIC:
        if (left.isNull() || right.isNull() || !left.type().isNumeric() || !right.type().isNumeric()) {
          throw mismatch("Operator '" + op + "' cannot combine " + pair(left, right), b);
        }
        ODataType type = left.type() == ODataType.INTEGER && right.type() == ODataType.INTEGER
            ? ODataType.INTEGER : ODataType.DECIMAL;
        if (b.operator() == BinaryOperator.DIV || b.operator() == BinaryOperator.MOD) {
          // x div 0 yields NULL (matches nothing) instead of a database error
          return new TypedSql(SqlFragment.concat("(", left.sql(), " ", b.operator().sql(), " NULLIF(",
              right.sql(), ", 0))"), type);
        }
        return infix(left, b.operator(), right, type);
      default:
        return Comparisons.compare(b, left, right);
    }
  }

  static TypedSql infix(TypedSql left, BinaryOperator op, TypedSql right, ODataType type) {
    return new TypedSql(SqlFragment.concat("(", left.sql(), " " + op.sql() + " ", right.sql(), ")"), type);
  }

  static String pair(TypedSql left, TypedSql right) {
    return TypedSql.describe(left.type()) + " and " + TypedSql.describe(right.type());
  }

  static ODataQueryException mismatch(String message, FilterExpr at) {
    return new ODataQueryException(message + " in $filter at position " + at.position());
  }

  /** A datetime literal as a date (its UTC calendar day), for comparison with a DATE property. */
  static TypedSql asDate(Literal l) {
    return new TypedSql(SqlFragment.param(((OffsetDateTime) l.value()).toLocalDate(), "date"), ODataType.DATE);
  }
}
