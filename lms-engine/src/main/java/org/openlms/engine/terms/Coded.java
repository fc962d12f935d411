package org.openlms.engine.terms;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enumeration value that has a LoanPro code such as {@code loan.frequency.monthly}. */
public interface Coded {
    String code();

    /** Looks a code up, refusing unknown ones with the list of accepted codes so the caller can fix the input. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
        throw new UnknownCodeException(type.getSimpleName(), code, accepted);
    }
}
