package org.openlms.app.api.search;

import static org.openlms.app.api.search.SearchParser.fail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openlms.app.api.odata.query.SqlFragment;
import org.openlms.app.api.search.SearchField.Kind;
import org.openlms.app.api.search.SearchQuery.Bool;
import org.openlms.app.api.search.SearchQuery.Exists;
import org.openlms.app.api.search.SearchQuery.Match;
import org.openlms.app.api.search.SearchQuery.MatchAll;
import org.openlms.app.api.search.SearchQuery.QueryString;
import org.openlms.app.api.search.SearchQuery.Range;
import org.openlms.app.api.search.SearchQuery.Terms;

/**
 * Turns a query tree into a SQL condition over one index. The SQL text is made of code constants and declared
 * columns only; every client value, including the regular expressions built from words and wildcards (their
 * metacharacters escaped), is a bind parameter.
 */
final class SearchTranslator {

  private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern ODATA_DATE = Pattern.compile("^/Date\\((-?\\d{1,12})\\)/$");
  private static final Pattern RESERVED = Pattern.compile("[:()\"{}\\[\\]^~\\\\/]");
  private static final int MAX_TERMS = 20;

  private final SearchIndex index;
  private final StringBuilder sql = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  private SearchTranslator(SearchIndex index) {
    this.index = index;
  }

  static SqlFragment where(SearchIndex index, SearchQuery q) {
    SearchTranslator t = new SearchTranslator(index);
    t.emit(q);
    return new SqlFragment(t.sql.toString(), t.params);
  }

  private void emit(SearchQuery q) {
    if (q instanceof MatchAll) {
      sql.append("TRUE");
    } else if (q instanceof Match m) {
      match(index.field(m.field()), m.value(), m.all());
    } else if (q instanceof Terms t) {
      terms(index.field(t.field()), t.values());
    } else if (q instanceof Range r) {
      range(index.field(r.field()), r);
    } else if (q instanceof QueryString s) {
      queryString(s);
    } else if (q instanceof Exists e) {
      sql.append(index.field(e.field()).column()).append(" IS NOT NULL");
    } else {
      bool((Bool) q);
    }
  }

  private void match(SearchField f, Object value, boolean all) {
    switch (f.kind()) {
      case TEXT -> {
        List<String> words = WORD_SPLIT.splitAsStream(text(value)).filter(w -> !w.isEmpty()).toList();
        if (words.size() > MAX_TERMS) {
          throw fail("match on " + f.name() + " takes at most " + MAX_TERMS + " words");
        }
        if (words.isEmpty()) {
          sql.append("FALSE"); // nothing to match, as Elasticsearch answers for a query of only punctuation
          return;
        }
        List<String> patterns = words.stream().map(w -> "\\m" + w + "\\M").toList();
        any(f, patterns, all ? " AND " : " OR ");
      }
      case KEYWORD -> {
        // ILIKE without wildcards is case-insensitive equality, and unlike lower(x) = lower(?) it can use the
        // column's trigram index; the value's own % _ and \ are escaped so they stay literal.
        sql.append(f.column()).append(" ILIKE ?");
        params.add(text(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
      }
      case SSN_LAST4 -> {
        String s = text(value);
        if (!s.matches("\\d{4}")) {
          throw fail("ssn can be searched by its last four digits only");
        }
        sql.append(f.column()).append(" = ?");
        params.add(s);
      }
      default -> compare(f, " = ", value);
    }
  }

  private void terms(SearchField f, List<Object> values) {
    sql.append("(");
    for (int i = 0; i < values.size(); i++) {
      sql.append(i == 0 ? "" : " OR ");
      if (f.kind() == Kind.TEXT) {
        sql.append(f.column()).append(" ~* ?");
        params.add("\\m" + regex(text(values.get(i)), "\\*", "\\?") + "\\M"); // * and ? literal here
      } else {
        match(f, values.get(i), false);
      }
    }
    sql.append(")");
  }

  private void any(SearchField f, List<String> patterns, String joiner) {
    sql.append("(");
    for (int i = 0; i < patterns.size(); i++) {
      sql.append(i == 0 ? "" : joiner).append(f.column()).append(" ~* ?");
      params.add(patterns.get(i));
    }
    sql.append(")");
  }

  private void range(SearchField f, Range r) {
    if (!f.kind().isNumeric() && f.kind() != Kind.DATE) {
      throw fail("range needs a number or date field; " + f.name() + " is neither");
    }
    Object[] values = {r.gt(), r.gte(), r.lt(), r.lte()};
    String[] ops = {" > ", " >= ", " < ", " <= "};
    sql.append("(");
    boolean first = true;
    for (int i = 0; i < 4; i++) {
      if (values[i] != null) {
        sql.append(first ? "" : " AND ");
        compare(f, ops[i], values[i]);
        first = false;
      }
    }
    sql.append(")");
  }

  private void compare(SearchField f, String op, Object value) {
    sql.append(f.column()).append(op);
    if (f.kind() == Kind.DATE) {
      sql.append("CAST(? AS date)");
      params.add(date(f, value));
    } else {
      sql.append("CAST(? AS numeric)");
      params.add(number(f, value));
    }
  }

  private void queryString(QueryString s) {
    List<SearchField> fields = new ArrayList<>();
    if (s.fields().isEmpty()) {
      index.fields().values().stream().filter(f -> f.kind().isText()).forEach(fields::add);
    } else {
      for (String name : s.fields()) {
        SearchField f = index.field(name);
        if (!f.kind().isText()) {
          throw fail("query_string searches text fields; " + f.name() + " is not one");
        }
        fields.add(f);
      }
    }
    if (RESERVED.matcher(s.query()).find()) {
      throw fail("query_string supports terms with * and ? wildcards only; use bool, match and range for the rest");
    }
    List<String> terms = List.of(s.query().strip().split("\\s+"));
    if (s.query().isBlank() || terms.size() > MAX_TERMS) {
      throw fail("query_string needs 1 to " + MAX_TERMS + " terms");
    }
    sql.append("(");
    for (int t = 0; t < terms.size(); t++) {
      String term = terms.get(t);
      if (term.equals("AND") || term.equals("OR") || term.equals("NOT") || term.startsWith("+") || term.startsWith("-")) {
        throw fail("query_string operators (AND, OR, NOT, +, -) are not supported; use bool");
      }
      sql.append(t == 0 ? "(" : s.all() ? " AND (" : " OR (");
      for (int i = 0; i < fields.size(); i++) {
        SearchField f = fields.get(i);
        sql.append(i == 0 ? "" : " OR ").append(f.column()).append(" ~* ?");
        params.add(f.kind() == Kind.TEXT ? "\\m" + regex(term, "\\w*", "\\w") + "\\M" : "^" + regex(term, ".*", ".") + "$");
      }
      sql.append(")");
    }
    sql.append(")");
  }

  /** A wildcard term as a regular expression: letters and digits as they are, everything else escaped. */
  static String regex(String term, String many, String one) {
    StringBuilder re = new StringBuilder();
    term.codePoints().forEach(c -> {
      if (c == '*') {
        re.append(many);
      } else if (c == '?') {
        re.append(one);
      } else if (Character.isLetterOrDigit(c)) {
        re.appendCodePoint(c);
      } else {
        re.append('\\').appendCodePoint(c);
      }
    });
    return re.toString();
  }

  private void bool(Bool b) {
    List<Runnable> parts = new ArrayList<>();
    b.must().forEach(q -> parts.add(() -> group(q)));
    b.filter().forEach(q -> parts.add(() -> group(q)));
    b.mustNot().forEach(q -> parts.add(() -> {
      sql.append("NOT COALESCE(");
      group(q);
      sql.append(", FALSE)");
    }));
    int min = b.minimumShouldMatch() != null ? b.minimumShouldMatch()
        : b.must().isEmpty() && b.filter().isEmpty() && !b.should().isEmpty() ? 1 : 0;
    if (min > 0) {
      parts.add(() -> {
        sql.append("(");
        for (int i = 0; i < b.should().size(); i++) {
          sql.append(i == 0 ? "" : " + ").append("CASE WHEN ");
          group(b.should().get(i));
          sql.append(" THEN 1 ELSE 0 END");
        }
        sql.append(b.should().isEmpty() ? "0" : "").append(") >= ?");
        params.add(min);
      });
    }
    if (parts.isEmpty()) {
      sql.append("TRUE");
      return;
    }
    sql.append("(");
    for (int i = 0; i < parts.size(); i++) {
      sql.append(i == 0 ? "" : " AND ");
      parts.get(i).run();
    }
    sql.append(")");
  }

  private void group(SearchQuery q) {
    sql.append("(");
    emit(q);
    sql.append(")");
  }

  private static String text(Object value) {
    return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
  }

  static BigDecimal number(SearchField f, Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO; // flags such as archived are 1/0
    }
    try {
      return new BigDecimal(((String) value).strip());
    } catch (NumberFormatException e) {
      throw fail(f.name() + " is a number; '" + SearchParser.clip((String) value) + "' is not");
    }
  }

  /** {@code YYYY-MM-DD}, {@code YYYY-MM-DD hh:mm:ss} (the date part) or {@code /Date(seconds)/}. */
  static LocalDate date(SearchField f, Object value) {
    String s = value instanceof String str ? str.strip() : "";
    Matcher m = ODATA_DATE.matcher(s);
    try {
      if (m.matches()) {
        return Instant.ofEpochSecond(Long.parseLong(m.group(1))).atZone(ZoneOffset.UTC).toLocalDate();
      }
      return LocalDate.parse(s.length() > 10 && (s.charAt(10) == ' ' || s.charAt(10) == 'T') ? s.substring(0, 10) : s);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw fail(f.name() + " is a date, written YYYY-MM-DD or /Date(seconds)/, not '"
          + SearchParser.clip(String.valueOf(value)) + "'");
    }
  }
}
