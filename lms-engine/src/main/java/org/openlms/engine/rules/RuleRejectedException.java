package org.openlms.engine.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule that cannot be saved: each problem with its 1-based line and column and the reason. */
public final class RuleRejectedException extends Exception {

    private final transient List<Problem> problems;

    public RuleRejectedException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One reason a rule was refused; line and column are 1-based (0 when the problem has no position). */
    public record Problem(int line, int column, String message) {
        @Override
        public String toString() {
            return line > 0 ? "line " + line + ", column " + column + ": " + message : message;
        }
    }
}
