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

    CompiledRule(String source, CelRuntime.Program program) {
        this.source = source;
        this.program = program;
    }

    public String source() {
        return source;
    }

    /** Whether the rule holds for these facts; an error on this loan is thrown, never swallowed. */
    public boolean test(LoanFacts facts) throws RuleEvaluationException {
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
