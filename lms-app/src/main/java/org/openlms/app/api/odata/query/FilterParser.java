package org.openlms.app.api.odata.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.openlms.app.api.odata.query.FilterExpr.Binary;
import org.openlms.app.api.odata.query.FilterExpr.Call;
import org.openlms.app.api.odata.query.FilterExpr.Literal;
import org.openlms.app.api.odata.query.FilterExpr.LiteralKind;
import org.openlms.app.api.odata.query.FilterExpr.Property;
import org.openlms.app.api.odata.query.FilterExpr.Unary;
import org.openlms.app.api.odata.query.FilterExpr.UnaryOperator;
import org.openlms.app.api.odata.query.FilterToken.Kind;

/**
 * Recursive-descent parser for OData v2 {@code $filter}. Precedence, loosest first:
 * {@code or < and < not < comparison (eq ne gt ge lt le) < add sub < mul div mod < unary minus < primary}.
 * Binary operators are left-associative. {@code not} binds looser than comparisons, so {@code not a eq 1}
 * means {@code not (a eq 1)}, which is what clients mean by it.
 * Recursion happens only through parentheses, function calls and unary operators, and each of those counts
 * against {@code maxDepth}, so hostile nesting is refused before the stack is at risk.
 */
public final class FilterParser {
  private static final BinaryOperator[] COMPARISONS = {BinaryOperator.EQ, BinaryOperator.NE, BinaryOperator.GT,
      BinaryOperator.GE, BinaryOperator.LT, BinaryOperator.LE};
  private final List<FilterToken> tokens;
  private final int maxDepth;
  private int next;
  private int depth;

  private FilterParser(List<FilterToken> tokens, int maxDepth) {
    this.tokens = tokens;
    this.maxDepth = maxDepth;
  }

  public static FilterExpr parse(String filter) {
    return parse(filter, QueryLimits.DEFAULT);
  }

  public static FilterExpr parse(String filter, QueryLimits limits) {
    if (filter == null || filter.isBlank()) {
      throw new ODataQueryException("Malformed $filter: the expression is empty");
    }
    if (filter.length() > limits.maxFilterLength()) {
      throw new ODataQueryException("$filter is too long: " + filter.length() + " characters, the limit is "
          + limits.maxFilterLength());
    }
    FilterParser parser = new FilterParser(FilterLexer.tokenize(filter), limits.maxFilterDepth());
    FilterExpr expr = parser.or();
    FilterToken rest = parser.peek();
    if (!rest.is(Kind.EOF)) {
      throw parser.unexpected(rest, "an operator or the end of the expression");
    }
    return expr;
  }

  private FilterExpr or() {
    return leftAssociative(this::and, BinaryOperator.OR);
  }

  private FilterExpr and() {
    return leftAssociative(this::not, BinaryOperator.AND);
  }

  private FilterExpr not() {
    if (!peek().isWord("not")) {
      return leftAssociative(this::additive, COMPARISONS);
    }
    FilterToken t = take();
    enter(t);
    FilterExpr operand = not();
    depth--;
    return new Unary(UnaryOperator.NOT, operand, t.position());
  }

  private FilterExpr additive() {
    return leftAssociative(this::multiplicative, BinaryOperator.ADD, BinaryOperator.SUB);
  }

  private FilterExpr multiplicative() {
    return leftAssociative(this::unary, BinaryOperator.MUL, BinaryOperator.DIV, BinaryOperator.MOD);
  }

  /** One precedence level: {@code operand (op operand)*}, built left to right without recursion. */
  private FilterExpr leftAssociative(Supplier<FilterExpr> operand, BinaryOperator... operators) {
    FilterExpr left = operand.get();
    for (Optional<BinaryOperator> op = operator(operators); op.isPresent(); op = operator(operators)) {
      int pos = take().position();
      left = new Binary(op.get(), left, operand.get(), pos);
    }
    return left;
  }

  private FilterExpr unary() {
    if (!peek().is(Kind.MINUS)) {
      return primary();
    }
    FilterToken minus = take();
    FilterToken t = peek();
    if (t.is(Kind.INTEGER) || t.is(Kind.DECIMAL)) {
      FilterToken number = take();
      return number.value() instanceof Long l
          ? new Literal(LiteralKind.INTEGER, -l, minus.position())
          : new Literal(LiteralKind.DECIMAL, ((BigDecimal) number.value()).negate(), minus.position());
    }
    enter(minus);
    FilterExpr operand = unary();
    depth--;
    return new Unary(UnaryOperator.NEGATE, operand, minus.position());
  }

  private FilterExpr primary() {
    FilterToken t = take();
    switch (t.kind()) {
      case LPAREN: {
        enter(t);
        FilterExpr inner = or();
        expect(Kind.RPAREN, "')' to close '(' at position " + t.position());
        depth--;
        return inner;
      }
      case STRING: return new Literal(LiteralKind.STRING, t.value(), t.position());
      case INTEGER: return new Literal(LiteralKind.INTEGER, t.value(), t.position());
      case DECIMAL: return new Literal(LiteralKind.DECIMAL, t.value(), t.position());
      case DATETIME: return new Literal(LiteralKind.DATETIME, t.value(), t.position());
      case IDENT: return identifier(t);
      default: throw unexpected(t, "a property, literal, function or '('");
    }
  }

  private FilterExpr identifier(FilterToken t) {
    switch (t.text()) {
      case "true": return new Literal(LiteralKind.BOOLEAN, Boolean.TRUE, t.position());
      case "false": return new Literal(LiteralKind.BOOLEAN, Boolean.FALSE, t.position());
      case "null": return new Literal(LiteralKind.NULL, null, t.position());
      default: break;
    }
    if (peek().is(Kind.LPAREN)) {
      return call(t);
    }
    if (peek().is(Kind.SLASH)) {
      throw new ODataQueryException("Navigation paths such as '" + t.text() + "/...' are not supported in $filter"
          + " (position " + t.position() + ")");
    }
    if (BinaryOperator.ignoringCase(t.text()).isPresent() || t.text().equalsIgnoreCase("not")) {
      throw unexpected(t, "a property, literal, function or '('");
    }
    return new Property(t.text(), t.position());
  }

  private FilterExpr call(FilterToken name) {
    ODataFunction function = ODataFunction.named(name.text()).orElseThrow(() -> new ODataQueryException(
        "Unknown function '" + name.text() + "' in $filter at position " + name.position()
            + (ODataFunction.named(name.text().toLowerCase(Locale.ROOT)).isPresent()
                ? " (function names are lowercase in OData)" : "")));
    enter(take());
    List<FilterExpr> args = new ArrayList<>();
    if (!peek().is(Kind.RPAREN)) {
      args.add(or());
      while (peek().is(Kind.COMMA)) {
        take();
        args.add(or());
      }
    }
    expect(Kind.RPAREN, "',' or ')' in the arguments of " + name.text());
    depth--;
    if (args.size() != function.arity()) {
      throw new ODataQueryException("Function '" + name.text() + "' takes " + function.arity() + " argument"
          + (function.arity() == 1 ? "" : "s") + " but got " + args.size() + " in $filter at position "
          + name.position());
    }
    return new Call(function, args, name.position());
  }

  /** The next token if it is one of {@code accepted}, spelled exactly (lowercase). */
  private Optional<BinaryOperator> operator(BinaryOperator... accepted) {
    FilterToken t = peek();
    for (BinaryOperator op : accepted) {
      if (t.isWord(op.token())) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  private void enter(FilterToken t) {
    if (++depth > maxDepth) {
      throw new ODataQueryException("$filter is nested too deeply: more than " + maxDepth
          + " levels at position " + t.position());
    }
  }

  private void expect(Kind kind, String what) {
    FilterToken t = peek();
    if (!t.is(kind)) {
      throw unexpected(t, what);
    }
    take();
  }

  private ODataQueryException unexpected(FilterToken t, String expected) {
    if (t.is(Kind.IDENT)) {
      Optional<BinaryOperator> op = BinaryOperator.ignoringCase(t.text());
      String lower = t.text().toLowerCase(Locale.ROOT);
      if ((op.isPresent() || lower.equals("not")) && !t.text().equals(lower)) {
        return new ODataQueryException("Malformed $filter: operators are lowercase in OData, use '" + lower
            + "' instead of '" + t.text() + "' at position " + t.position());
      }
    }
    return new ODataQueryException("Malformed $filter: expected " + expected + " but found " + t.describe()
        + " at position " + t.position());
  }

  private FilterToken peek() {
    return tokens.get(next);
  }

  private FilterToken take() {
    FilterToken t = tokens.get(next);
    if (!t.is(Kind.EOF)) {
      next++;
    }
    return t;
  }
}
