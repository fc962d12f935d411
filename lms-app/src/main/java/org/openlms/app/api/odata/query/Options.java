package org.openlms.app.api.odata.query;

/** Checks shared by the option parsers. */
final class Options {
  private Options() {
  }

  static void checkLength(String option, String value, QueryLimits limits) {
    if (value.length() > limits.maxFilterLength()) {
      throw new ODataQueryException(option + " is too long: " + value.length() + " characters, the limit is "
          + limits.maxFilterLength());
    }
  }

  /** A declared property by exact name; the error suggests a name differing only in case. */
  static ODataProperty property(String option, String name, ODataEntity entity) {
    return entity.property(name).orElseThrow(() -> {
      if (entity.navigation(name).isPresent()) {
        return new ODataQueryException("'" + name + "' is a navigation of " + entity.setName()
            + ", not a property; it cannot be used in " + option);
      }
      return new ODataQueryException("Unknown property '" + name + "' in " + option + " (entity "
          + entity.setName() + ")" + entity.nameLike(name).map(n -> ", did you mean '" + n + "'?").orElse(""));
    });
  }

  /** A whole number from 0 to {@code max}. */
  static int count(String option, String value, int max) {
    String v = value.trim();
    if (!v.matches("\\d{1,10}")) {
      throw new ODataQueryException("Invalid " + option + " '" + abbreviate(value)
          + "': expected a whole number from 0 to " + max);
    }
    long n = Long.parseLong(v);
    if (n > max) {
      throw new ODataQueryException(option + " " + n + " is above the limit of " + max);
    }
    return (int) n;
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
