package org.openlms.app.api.odata.query;

import java.util.List;

/**
 * The parsed {@code $filter} tree. Every node keeps the 1-based position of the token that produced it, so
 * errors found later (unknown property, type mismatch) can still point at the client's text.
 */
public sealed interface FilterExpr {
  int position();

  /** Literal values: String, Long, BigDecimal, Boolean, OffsetDateTime (UTC) or null. */
  record Literal(LiteralKind kind, Object value, int position) implements FilterExpr {
  }

  record Property(String name, int position) implements FilterExpr {
  }

  record Unary(UnaryOperator operator, FilterExpr operand, int position) implements FilterExpr {
  }

  record Binary(BinaryOperator operator, FilterExpr left, FilterExpr right, int position) implements FilterExpr {
  }

  record Call(ODataFunction function, List<FilterExpr> arguments, int position) implements FilterExpr {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  enum LiteralKind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL, DATETIME }

  enum UnaryOperator { NOT, NEGATE }
}
