package org.openlms.engine.terms;

/** One thing wrong with the terms: the LoanSetup field name and why. */
public record FieldError(String field, String reason) {
    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
