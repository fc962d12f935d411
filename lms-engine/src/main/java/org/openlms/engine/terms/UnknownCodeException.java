package org.openlms.engine.terms;

/** An input carried a code the engine does not know or does not support. */
public final class UnknownCodeException extends IllegalArgumentException {
    private final String type;
    private final String code;

    public UnknownCodeException(String type, String code, String accepted) {
        super("unknown or unsupported " + type + " code '" + code + "'; accepted: " + accepted);
        this.type = type;
        this.code = code;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }
}
