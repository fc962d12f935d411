package org.openlms.engine.terms;

import java.util.List;

/** Thrown when terms fail validation; carries every error, not just the first. */
public final class InvalidTermsException extends IllegalArgumentException {
    private final transient List<FieldError> errors;

    public InvalidTermsException(List<FieldError> errors) {
        super("invalid loan terms: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
