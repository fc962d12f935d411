package org.openlms.engine.rules;

/** A rule that failed on one loan (e.g. division by zero, a missing custom field, its iteration bound). */
public final class RuleEvaluationException extends Exception {
    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
