package org.openlms.app.api.odata.query;

import static org.openlms.app.api.odata.query.SqlFragment.concat;

import java.util.List;
import org.openlms.app.api.odata.query.FilterExpr.Call;

/** SQL for each whitelisted function; every argument is itself translated, so it is parameterised too. */
final class FunctionSql {
  private FunctionSql() {
  }

  static TypedSql translate(Call call, FilterTranslator translator) {
    List<FilterExpr> args = call.arguments();
    ODataFunction f = call.function();
    switch (f) {
      case SUBSTRINGOF: {
        // OData v2 order: substringof('needle', Field)
        SqlFragment needle = string(call, 0, translator);
        SqlFragment haystack = string(call, 1, translator);
        return bool(concat("(strpos(", haystack, ", ", needle, ") > 0)"));
      }
      case STARTSWITH:
        return bool(concat("starts_with(", string(call, 0, translator), ", ", string(call, 1, translator), ")"));
      case ENDSWITH: {
        SqlFragment s = string(call, 0, translator);
        SqlFragment suffix = string(call, 1, translator);
        return bool(concat("(right(", s, ", char_length(", suffix, ")) = ", suffix, ")"));
      }
      case INDEXOF:
        return new TypedSql(concat("(strpos(", string(call, 0, translator), ", ", string(call, 1, translator),
            ") - 1)"), ODataType.INTEGER);
      case TOLOWER: return text(concat("lower(", string(call, 0, translator), ")"));
      case TOUPPER: return text(concat("upper(", string(call, 0, translator), ")"));
      case TRIM: return text(concat("btrim(", string(call, 0, translator), ")"));
      case CONCAT: return text(concat("(", string(call, 0, translator), " || ", string(call, 1, translator), ")"));
      case LENGTH:
        return new TypedSql(concat("char_length(", string(call, 0, translator), ")"), ODataType.INTEGER);
      case ROUND: case FLOOR: case CEILING: {
        TypedSql n = translator.typed(args.get(0));
        if (n.isNull() || !n.type().isNumeric()) {
          throw badArgument(call, "a number", n);
        }
        // an integer is already whole; PostgreSQL would otherwise pick the double precision overload
        return n.type() == ODataType.INTEGER ? n : new TypedSql(concat(f.odataName() + "(", n.sql(), ")"), n.type());
      }
      default:
        return datePart(call, translator);
    }
  }

  /** year, month, day, hour, minute, second; timestamptz values are read in UTC, whatever the session zone. */
  private static TypedSql datePart(Call call, FilterTranslator translator) {
    TypedSql t = translator.typed(call.arguments().get(0));
    if (t.isNull() || !t.type().isTemporal()) {
      throw badArgument(call, "a date or datetime", t);
    }
    SqlFragment value = t.type() == ODataType.DATETIME ? concat("(", t.sql(), " AT TIME ZONE 'UTC')") : t.sql();
    String field = call.function().name();
    return new TypedSql(concat("CAST(FLOOR(EXTRACT(" + field + " FROM ", value, ")) AS integer)"),
        ODataType.INTEGER);
  }

  private static SqlFragment string(Call call, int index, FilterTranslator translator) {
    TypedSql t = translator.typed(call.arguments().get(index));
    if (t.type() != ODataType.STRING) {
      throw badArgument(call, "a string", t);
    }
    return t.sql();
  }

  private static ODataQueryException badArgument(Call call, String expected, TypedSql got) {
    return new ODataQueryException("Function '" + call.function().odataName() + "' expects " + expected
        + " argument but got " + TypedSql.describe(got.type()) + " in $filter at position " + call.position());
  }

  private static TypedSql bool(SqlFragment sql) {
    return new TypedSql(sql, ODataType.BOOLEAN);
  }

  private static TypedSql text(SqlFragment sql) {
    return new TypedSql(sql, ODataType.STRING);
  }
}
