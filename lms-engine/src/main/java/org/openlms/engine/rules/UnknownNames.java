package org.openlms.engine.rules;

import java.util.Arrays;
import java.util.Comparator;

/**
 * CEL reports {@code status.dayPastDue} as "undeclared reference to 'status'"; a lender needs the whole name
 * and the nearest declared one.
 */
final class UnknownNames {

    private UnknownNames() {}

    static String explain(String message, String source, int line, int column) {
        if (!message.startsWith("undeclared reference to") || line < 1) {
            return message;
        }
        String[] lines = source.split("\n", -1);
        if (line > lines.length) {
            return message;
        }
        String text = lines[line - 1];
        int start = Math.min(Math.max(column, 0), text.length());
        int end = start;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                || text.charAt(end) == '.')) {
            end++;
        }
        String name = text.substring(start, end);
        if (name.isEmpty()) {
            return message;
        }
        String nearest = Arrays.stream(Fact.values()).map(Fact::variable)
                .min(Comparator.comparingInt(v -> distance(v, name))).orElseThrow();
        boolean close = distance(nearest, name) <= Math.max(2, name.length() / 4);
        return "unknown variable '" + name + "'" + (close ? "; did you mean '" + nearest + "'?" : "");
    }

    /** Levenshtein distance (names are short). */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
