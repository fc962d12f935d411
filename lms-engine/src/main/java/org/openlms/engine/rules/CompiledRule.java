package org.openlms.engine.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A type-checked rule, ready to evaluate against many loans (thread-safe; compile once per run). */
public final class CompiledRule {

    private static final Map<String, Fact> BY_VARIABLE = new HashMap<>();

    static {
        for (Fact f : Fact.values()) {
            BY_VARIABLE.put(f.variable(), f);
        }
    }

    private final String source;
    private final CelRuntime.Program program;
    private final FastPath.Node fast;

    /** {@code fast}: the rule's {@link FastPath}, or null when CEL evaluates it always. */
    CompiledRule(String source, CelRuntime.Program program, FastPath.Node fast) {
        this.source = source;
        this.program = program;
        this.fast = fast;
    }

    public String source() {
        return source;
    }

    /** Whether the rule holds for these facts; an error on this loan is thrown, never swallowed. */
    public boolean test(LoanFacts facts) throws RuleEvaluationException {
        if (fast != null) {
            try {
                return FastPath.test(fast, facts);
            } catch (FastPath.GiveUp e) {
                // CEL decides, with its own answer or error
            }
        }
        return testWithCel(facts);
    }

    /** Whether the rule has a fast path (for tests). */
    boolean hasFastPath() {
        return fast != null;
    }

    /** The rule evaluated by CEL's interpreter alone (the reference the fast path is held to). */
    boolean testWithCel(LoanFacts facts) throws RuleEvaluationException {
        try {
            Object result = program.eval(name -> {
                Fact f = BY_VARIABLE.get(name);
                return f == null ? Optional.empty() : Optional.of(facts.get(f));
            });
            return Boolean.TRUE.equals(result);
        } catch (CelEvaluationException | RuntimeException | StackOverflowError e) {
            throw new RuleEvaluationException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }
}
