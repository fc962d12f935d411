package org.openlms.app.customfield;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openlms.app.errors.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The custom fields a rule reads by name ({@code loan.custom["Risk grade"]}). CEL cannot know a map's keys when
 * it type-checks, so a misspelt name would only fail loan by loan at night; it is refused when the rule is saved
 * instead, with its position, and a field that rules read cannot be renamed or deleted from under them.
 */
public final class CustomFieldReferences {

  private static final Pattern INDEX = Pattern.compile("custom\\s*\\[\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)')\\s*\\]");

  /** Every stored rule text: automation rules, stoplights, flags, recurring charges' trigger and restriction. */
  private static final String ALL_RULES = """
      SELECT 'AutomationRules(' || id || ') ' || name, rule FROM automation_rule
      UNION ALL SELECT 'StoplightRules(' || id || ') ' || name, rule FROM stoplight_rule
      UNION ALL SELECT 'WarningFlags(' || id || ') ' || name, rule FROM warning_flag WHERE rule IS NOT NULL
      UNION ALL SELECT 'RecurringCharges(' || id || ') ' || title, coalesce(trigger_rule, '') || ' '
          || coalesce(restriction_rule, '') FROM recurring_charge""";

  /** A name read by a rule, at its (zero-based) position in the rule text. */
  public record Reference(String name, int position) {}

  private CustomFieldReferences() {}

  public static List<Reference> in(String rule) {
    List<Reference> out = new ArrayList<>();
    Matcher m = INDEX.matcher(rule);
    while (m.find()) {
      String quoted = m.group(2) != null ? m.group(2) : m.group(3);
      out.add(new Reference(quoted.replaceAll("\\\\(.)", "$1"), m.start()));
    }
    return out;
  }

  /** Refuses the rule (a 409 naming {@code field}) if it reads a custom field the tenant has not defined. */
  public static void requireDefined(JdbcClient db, String field, String rule) {
    List<Reference> refs = in(rule);
    if (refs.isEmpty()) {
      return;
    }
    Set<String> defined = Set.copyOf(db.sql("SELECT name FROM custom_field").query(String.class).list());
    for (Reference r : refs) {
      if (!defined.contains(r.name())) {
        throw new InvalidInputException(field + ": at position " + (r.position() + 1) + ", custom field \""
            + r.name() + "\" is not defined; define it in odata.svc/CustomFields first");
      }
    }
  }

  /** The rules (as {@code Set(id) name}) that read the custom field, to refuse renaming or deleting it. */
  public static List<String> readers(JdbcClient db, String name) {
    List<String> out = new ArrayList<>();
    db.sql(ALL_RULES).query((rs, n) -> {
      if (in(rs.getString(2)).stream().anyMatch(r -> r.name().equals(name))) {
        out.add(rs.getString(1));
      }
      return null;
    }).list();
    return out;
  }
}
