package org.openlms.engine.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles rules against the declared {@link Fact}s. Thread-safe; build one and share it. A rule must be a
 * boolean CEL expression; on top of CEL's standard library it may call {@code daysBetween(a, b)} (whole days
 * from date a to date b, negative when b is earlier) and {@code date('2024-03-17')}.
 *
 * <p>Bounds, so that a saved rule can neither hang nor exhaust memory: at most {@link #MAX_LENGTH} characters,
 * nesting at most 32 deep, at most 1,000 iterations per comprehension, small regular expressions only.
 */
public final class RuleCompiler {

    public static final int MAX_LENGTH = 4_000;

    private static final CelOptions OPTIONS = CelOptions.current()
            .maxExpressionCodePointSize(MAX_LENGTH)
            .maxParseRecursionDepth(32)
            .comprehensionMaxIterations(1_000)
            .maxRegexProgramSize(200)
            .enableHeterogeneousNumericComparisons(true)
            .evaluateCanonicalTypesToNativeValues(true)
            .enableTimestampEpoch(false)
            .build();

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    public RuleCompiler() {
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setResultType(SimpleType.BOOL)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addFunctionDeclarations(
                        CelFunctionDecl.newFunctionDeclaration("daysBetween", CelOverloadDecl.newGlobalOverload(
                                "days_between_timestamp_timestamp", SimpleType.INT, SimpleType.TIMESTAMP,
                                SimpleType.TIMESTAMP)),
                        CelFunctionDecl.newFunctionDeclaration("date", CelOverloadDecl.newGlobalOverload(
                                "date_string", SimpleType.TIMESTAMP, SimpleType.STRING)));
        for (Fact f : Fact.values()) {
            builder.addVar(f.variable(), celType(f.type()));
        }
        this.compiler = builder.build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(OPTIONS)
                .addFunctionBindings(
                        CelFunctionBinding.from("days_between_timestamp_timestamp", Instant.class, Instant.class,
                                (a, b) -> Duration.between(a, b).toDays()),
                        CelFunctionBinding.from("date_string", String.class, RuleCompiler::date))
                .build();
    }

    /** Type-checks and plans a rule, or says where and why it is refused. */
    public CompiledRule compile(String source) throws RuleRejectedException {
        if (source == null || source.isBlank()) {
            throw new RuleRejectedException(List.of(new RuleRejectedException.Problem(0, 0, "the rule is empty")));
        }
        if (source.length() > MAX_LENGTH) {
            throw new RuleRejectedException(List.of(new RuleRejectedException.Problem(0, 0,
                    "the rule is " + source.length() + " characters long; at most " + MAX_LENGTH + " are allowed")));
        }
        try {
            CelAbstractSyntaxTree ast = compiler.compile(source).getAst();
            return new CompiledRule(source, runtime.createProgram(ast), FastPath.plan(ast, RuleCompiler::date));
        } catch (CelValidationException e) {
            List<RuleRejectedException.Problem> problems = new ArrayList<>();
            for (CelIssue issue : e.getErrors()) {
                var at = issue.getSourceLocation();
                // CEL columns are 0-based; people count from 1.
                problems.add(new RuleRejectedException.Problem(Math.max(at.getLine(), 0),
                        at.getLine() > 0 ? at.getColumn() + 1 : 0,
                        UnknownNames.explain(issue.getMessage(), source, at.getLine(), at.getColumn())));
            }
            throw new RuleRejectedException(problems);
        } catch (CelEvaluationException | RuntimeException e) {
            // Planning failures (e.g. a regular expression over the size bound) are refusals too.
            throw new RuleRejectedException(List.of(new RuleRejectedException.Problem(0, 0, e.getMessage())));
        }
    }

    private static Instant date(String iso) {
        try {
            return LoanFacts.instant(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date('" + iso + "') is not a date written YYYY-MM-DD");
        }
    }

    private static CelType celType(FactType type) {
        return switch (type) {
            case INT -> SimpleType.INT;
            case DOUBLE -> SimpleType.DOUBLE;
            case STRING -> SimpleType.STRING;
            case BOOL -> SimpleType.BOOL;
            case TIMESTAMP -> SimpleType.TIMESTAMP;
            case INT_LIST -> ListType.create(SimpleType.INT);
            case STRING_LIST -> ListType.create(SimpleType.STRING);
            case STRING_MAP -> MapType.create(SimpleType.STRING, SimpleType.STRING);
        };
    }
}
