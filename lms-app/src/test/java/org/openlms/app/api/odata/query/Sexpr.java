package org.openlms.app.api.odata.query;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.openlms.app.api.odata.query.FilterExpr.Binary;
import org.openlms.app.api.odata.query.FilterExpr.Call;
import org.openlms.app.api.odata.query.FilterExpr.Literal;
import org.openlms.app.api.odata.query.FilterExpr.Property;
import org.openlms.app.api.odata.query.FilterExpr.Unary;

/** Prints a filter tree fully parenthesised, prefix style, so tests can state the expected shape in one line. */
final class Sexpr {
  private Sexpr() {
  }

  static String of(String filter) {
    return of(FilterParser.parse(filter));
  }

  static String of(FilterExpr e) {
    if (e instanceof Literal l) {
      switch (l.kind()) {
        case STRING: return "'" + ((String) l.value()).replace("'", "''") + "'";
        case DECIMAL: return ((BigDecimal) l.value()).toPlainString() + "m";
        case DATETIME: return "datetime'" + l.value() + "'";
        default: return String.valueOf(l.value());
      }
    }
    if (e instanceof Property p) {
      return p.name();
    }
    if (e instanceof Unary u) {
      return "(" + u.operator().name().toLowerCase() + " " + of(u.operand()) + ")";
    }
    if (e instanceof Binary b) {
      return "(" + b.operator().token() + " " + of(b.left()) + " " + of(b.right()) + ")";
    }
    Call c = (Call) e;
    return "(" + c.function().odataName() + " "
        + c.arguments().stream().map(Sexpr::of).collect(Collectors.joining(" ")) + ")";
  }
}
