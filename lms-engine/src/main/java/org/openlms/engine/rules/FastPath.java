package org.openlms.engine.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A direct evaluator for the plain rules most tenants write (comparisons of facts with constants, arithmetic,
 * {@code &&}, {@code ||}, {@code !}, {@code in}, {@code daysBetween}, {@code date}), planned from CEL's checked
 * syntax tree. CEL's own interpreter spends about half a microsecond on such a rule, mostly looking up overloads
 * at run time; a night evaluates about thirty rules per loan over a million loans. The overloads here are the ones
 * the type checker chose, so each node does exactly what CEL's does.
 *
 * <p>CEL stays the reference: a rule using anything else has no fast path, and wherever CEL would fail or the
 * answer could differ at the edges (an overflow, a division by zero, NaN, a value of another type than expected),
 * the fast path gives up and CEL evaluates the rule from the start. Rules are pure, so that gives CEL's answer or
 * CEL's error, never a different one.
 */
final class FastPath {

    /** Thrown to hand the evaluation back to CEL; preallocated, it carries no stack. */
    static final class GiveUp extends RuntimeException {
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super("handed back to CEL", null, false, false);
        }
    }

    /** A planned expression. */
    @FunctionalInterface
    interface Node {
        Object eval(LoanFacts facts);
    }

    private static final Map<String, Fact> FACTS = new HashMap<>();

    static {
        for (Fact f : Fact.values()) {
            FACTS.put(f.variable(), f);
        }
    }

    private final CelAbstractSyntaxTree ast;
    private final Function<String, Instant> date;

    private FastPath(CelAbstractSyntaxTree ast, Function<String, Instant> date) {
        this.ast = ast;
        this.date = date;
    }

    /**
     * The rule's fast path, or null when it uses something the fast path does not cover.
     *
     * @param date the {@code date(string)} function exactly as bound in CEL's runtime
     */
    static Node plan(CelAbstractSyntaxTree ast, Function<String, Instant> date) {
        try {
            return new FastPath(ast, date).node(ast.getExpr());
        } catch (Unsupported e) {
            return null;
        }
    }

    /** Whether the rule holds; throws {@link GiveUp} when CEL must decide. */
    static boolean test(Node rule, LoanFacts facts) {
        Object v;
        try {
            v = rule.eval(facts);
        } catch (GiveUp e) {
            throw e;
        } catch (RuntimeException e) { // an int overflow, a string that is no date: CEL's error, from CEL
            throw GiveUp.INSTANCE;
        }
        return v instanceof Boolean b ? b : giveUp();
    }

    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private Node node(CelExpr e) throws Unsupported {
        CelReference ref = ast.getReference(e.id()).orElse(null);
        switch (e.exprKind().getKind()) {
            case CONSTANT -> {
                Object v = constant(e.constant());
                return f -> v;
            }
            case IDENT, SELECT -> {
                Fact fact = ref == null || !ref.overloadIds().isEmpty() || ref.value().isPresent() ? null
                        : FACTS.get(ref.name());
                if (fact == null) {
                    throw new Unsupported();
                }
                return f -> f.get(fact);
            }
            case CALL -> {
                if (ref == null || ref.overloadIds().size() != 1 || e.call().target().isPresent()) {
                    throw new Unsupported();
                }
                return call(ref.overloadIds().get(0), e.call().args());
            }
            default -> throw new Unsupported();
        }
    }

    private static Object constant(CelConstant c) throws Unsupported {
        return switch (c.getKind()) {
            case BOOLEAN_VALUE -> c.booleanValue();
            case INT64_VALUE -> c.int64Value();
            case DOUBLE_VALUE -> c.doubleValue();
            case STRING_VALUE -> c.stringValue();
            default -> throw new Unsupported();
        };
    }

    private Node call(String overload, List<CelExpr> args) throws Unsupported {
        Node[] a = new Node[args.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = node(args.get(i));
        }
        if (a.length == 1) {
            Node x = a[0];
            return switch (overload) {
                case "logical_not" -> f -> !bool(x.eval(f));
                case "negate_int64" -> f -> Math.negateExact(integer(x.eval(f)));
                case "negate_double" -> f -> -dbl(x.eval(f));
                case "date_string" -> date(args.get(0), x);
                default -> throw new Unsupported();
            };
        }
        if (a.length == 3 && overload.equals("conditional")) {
            return f -> bool(a[0].eval(f)) ? a[1].eval(f) : a[2].eval(f);
        }
        if (a.length != 2) {
            throw new Unsupported();
        }
        Node x = a[0];
        Node y = a[1];
        return switch (overload) {
            // Either side false makes the whole false in CEL, even when the other fails: only an answer that
            // cannot depend on a failing side is given here, otherwise CEL evaluates.
            case "logical_and" -> f -> bool(x.eval(f)) && bool(y.eval(f));
            case "logical_or" -> f -> bool(x.eval(f)) || bool(y.eval(f));
            case "equals" -> f -> same(x.eval(f), y.eval(f));
            case "not_equals" -> f -> !same(x.eval(f), y.eval(f));
            case "in_list" -> f -> in(x.eval(f), y.eval(f));
            case "add_int64" -> f -> Math.addExact(integer(x.eval(f)), integer(y.eval(f)));
            case "subtract_int64" -> f -> Math.subtractExact(integer(x.eval(f)), integer(y.eval(f)));
            case "multiply_int64" -> f -> Math.multiplyExact(integer(x.eval(f)), integer(y.eval(f)));
            case "divide_int64" -> f -> divide(integer(x.eval(f)), integer(y.eval(f)));
            case "modulo_int64" -> f -> modulo(integer(x.eval(f)), integer(y.eval(f)));
            case "add_double" -> f -> dbl(x.eval(f)) + dbl(y.eval(f));
            case "subtract_double" -> f -> dbl(x.eval(f)) - dbl(y.eval(f));
            case "multiply_double" -> f -> dbl(x.eval(f)) * dbl(y.eval(f));
            case "divide_double" -> f -> dbl(x.eval(f)) / dbl(y.eval(f));
            case "days_between_timestamp_timestamp" ->
                    f -> Duration.between(instant(x.eval(f)), instant(y.eval(f))).toDays();
            default -> comparison(overload, x, y);
        };
    }

    /** {@code date('...')} of a constant is computed once; a constant that is no date goes to CEL for its error. */
    private Node date(CelExpr arg, Node x) throws Unsupported {
        if (arg.exprKind().getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return f -> date.apply(string(x.eval(f)));
        }
        try {
            Instant v = date.apply(arg.constant().stringValue());
            return f -> v;
        } catch (RuntimeException e) {
            return f -> giveUp();
        }
    }

    /** {@code less}, {@code less_equals}, {@code greater}, {@code greater_equals} of ints, doubles, both, timestamps. */
    private static Node comparison(String overload, Node x, Node y) throws Unsupported {
        String types = null;
        for (String t : List.of("_int64_double", "_double_int64", "_int64", "_double", "_timestamp")) {
            if (overload.endsWith(t)) {
                types = t;
                break;
            }
        }
        if (types == null) {
            throw new Unsupported();
        }
        String op = overload.substring(0, overload.length() - types.length());
        Sign sign = switch (op) {
            case "less" -> c -> c < 0;
            case "less_equals" -> c -> c <= 0;
            case "greater" -> c -> c > 0;
            case "greater_equals" -> c -> c >= 0;
            default -> throw new Unsupported();
        };
        return switch (types) {
            case "_int64" -> f -> sign.holds(Long.compare(integer(x.eval(f)), integer(y.eval(f))));
            case "_double" -> f -> {
                double l = dbl(x.eval(f));
                double r = dbl(y.eval(f));
                return sign.holds(order(l, r));
            };
            case "_int64_double" -> f -> sign.holds(-mixed(dbl(y.eval(f)), integer(x.eval(f))));
            case "_double_int64" -> f -> sign.holds(mixed(dbl(x.eval(f)), integer(y.eval(f))));
            case "_timestamp" -> f -> sign.holds(instant(x.eval(f)).compareTo(instant(y.eval(f))));
            default -> throw new Unsupported();
        };
    }

    @FunctionalInterface
    private interface Sign {
        boolean holds(int comparison);
    }

    /** The order of two doubles; NaN (which no comparison orders) goes to CEL. */
    private static int order(double l, double r) {
        if (Double.isNaN(l) || Double.isNaN(r)) {
            giveUp();
        }
        return l < r ? -1 : l > r ? 1 : 0;
    }

    /**
     * A double against an int as CEL orders them with heterogeneous comparisons on (its ComparisonFunctions: the
     * int as a double, by {@link Double#compare}, so -0.0 is below 0); NaN goes to CEL.
     */
    private static int mixed(double d, long l) {
        if (Double.isNaN(d)) {
            giveUp();
        }
        if (d < -9.223372036854776E18) {
            return -1;
        }
        if (d > 9.223372036854776E18) {
            return 1;
        }
        return Double.compare(d, (double) l);
    }

    /** CEL's equality for the values a fact or a constant can hold; lists, maps and NaN go to CEL. */
    private static boolean same(Object l, Object r) {
        if (l instanceof Long a && r instanceof Long b) {
            return a.longValue() == b.longValue();
        }
        if (l instanceof Double a && r instanceof Double b) {
            return order(a, b) == 0;
        }
        if (l instanceof Double a && r instanceof Long b) {
            return mixed(a, b) == 0;
        }
        if (l instanceof Long a && r instanceof Double b) {
            return mixed(b, a) == 0;
        }
        if ((l instanceof String || l instanceof Boolean || l instanceof Instant) && l.getClass() == r.getClass()) {
            return l.equals(r);
        }
        return giveUp();
    }

    private static boolean in(Object element, Object list) {
        if (!(list instanceof List<?> values)) {
            return giveUp();
        }
        for (Object v : values) {
            if (same(element, v)) {
                return true;
            }
        }
        return false;
    }

    private static long divide(long x, long y) {
        if (y == 0 || (x == Long.MIN_VALUE && y == -1)) {
            giveUp();
        }
        return x / y;
    }

    private static long modulo(long x, long y) {
        if (y == 0 || (x == Long.MIN_VALUE && y == -1)) {
            giveUp();
        }
        return x % y;
    }

    private static boolean bool(Object v) {
        return v instanceof Boolean b ? b : giveUp();
    }

    private static long integer(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        giveUp();
        return 0;
    }

    private static double dbl(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        giveUp();
        return 0;
    }

    private static String string(Object v) {
        return v instanceof String s ? s : giveUp();
    }

    private static Instant instant(Object v) {
        return v instanceof Instant i ? i : giveUp();
    }

    private static <T> T giveUp() {
        throw GiveUp.INSTANCE;
    }
}
