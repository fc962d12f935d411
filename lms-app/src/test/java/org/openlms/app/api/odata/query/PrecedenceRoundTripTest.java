package org.openlms.app.api.odata.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openlms.app.api.odata.query.FilterExpr.Binary;
import org.openlms.app.api.odata.query.FilterExpr.Literal;
import org.openlms.app.api.odata.query.FilterExpr.LiteralKind;
import org.openlms.app.api.odata.query.FilterExpr.Property;
import org.openlms.app.api.odata.query.FilterExpr.Unary;
import org.openlms.app.api.odata.query.FilterExpr.UnaryOperator;

/**
 * Random trees printed with the fewest parentheses the intended precedence allows must parse back to the same
 * tree. A wrong precedence level or associativity in the parser makes some printed tree parse differently.
 */
class PrecedenceRoundTripTest {
  private static final BinaryOperator[] OPS = BinaryOperator.values();

  @Test
  void minimallyParenthesisedTreesParseBackUnchanged() {
    Random random = new Random(42);
    for (int n = 0; n < 5_000; n++) {
      FilterExpr tree = tree(random, 5);
      String printed = print(tree);
      assertThat(Sexpr.of(printed)).as(printed).isEqualTo(Sexpr.of(tree));
    }
  }

  @Test
  void printerReallyOmitsParentheses() {
    FilterExpr tree = new Binary(BinaryOperator.OR, leaf("a"), new Binary(BinaryOperator.AND, leaf("b"),
        new Unary(UnaryOperator.NOT, new Binary(BinaryOperator.EQ, leaf("c"),
            new Binary(BinaryOperator.ADD, leaf("d"), new Binary(BinaryOperator.MUL, leaf("e"), leaf("f"), 0), 0),
            0), 0), 0), 0);
    assertThat(print(tree)).isEqualTo("a or b and not c eq d add e mul f");
  }

  private static FilterExpr tree(Random random, int depth) {
    int pick = depth == 0 ? 0 : random.nextInt(10);
    if (pick <= 1) {
      return random.nextBoolean() ? leaf("p" + random.nextInt(3)) : new Literal(LiteralKind.INTEGER,
          (long) random.nextInt(100), 0);
    }
    if (pick == 2) {
      UnaryOperator op = random.nextBoolean() ? UnaryOperator.NOT : UnaryOperator.NEGATE;
      return new Unary(op, tree(random, depth - 1), 0);
    }
    return new Binary(OPS[random.nextInt(OPS.length)], tree(random, depth - 1), tree(random, depth - 1), 0);
  }

  private static Property leaf(String name) {
    return new Property(name, 0);
  }

  /** or 1, and 2, not 3, comparisons 4, add/sub 5, mul/div/mod 6, unary minus 7, primary 8. */
  private static int level(FilterExpr e) {
    if (e instanceof Unary u) {
      return u.operator() == UnaryOperator.NOT ? 3 : 7;
    }
    if (e instanceof Binary b) {
      return level(b.operator());
    }
    return 8;
  }

  private static int level(BinaryOperator op) {
    switch (op) {
      case OR: return 1;
      case AND: return 2;
      case ADD: case SUB: return 5;
      case MUL: case DIV: case MOD: return 6;
      default: return 4;
    }
  }

  private static String print(FilterExpr e) {
    if (e instanceof Unary u) {
      // -(5) keeps the negation a node: the parser folds -5 into one literal
      boolean parens = u.operator() == UnaryOperator.NOT ? level(u.operand()) < 3
          : level(u.operand()) < 7 || u.operand() instanceof Literal;
      return (u.operator() == UnaryOperator.NOT ? "not " : "-") + wrap(print(u.operand()), parens);
    }
    if (e instanceof Binary b) {
      int level = level(b.operator());
      return wrap(print(b.left()), level(b.left()) < level) + " " + b.operator().token() + " "
          + wrap(print(b.right()), level(b.right()) <= level);
    }
    return Sexpr.of(e);
  }

  private static String wrap(String s, boolean parens) {
    return parens ? "(" + s + ")" : s;
  }
}
