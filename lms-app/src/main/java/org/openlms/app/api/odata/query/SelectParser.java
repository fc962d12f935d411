package org.openlms.app.api.odata.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code $select=id,settingsId}: declared properties only; absent, empty or {@code *} selects all of them. */
final class SelectParser {
  private SelectParser() {
  }

  static List<ODataProperty> parse(String select, ODataEntity entity, QueryLimits limits) {
    if (select == null || select.isBlank() || select.trim().equals("*")) {
      return List.copyOf(entity.properties().values());
    }
    Options.checkLength("$select", select, limits);
    Set<ODataProperty> chosen = new LinkedHashSet<>();
    for (String item : select.split(",", -1)) {
      String name = item.trim();
      if (name.isEmpty()) {
        throw new ODataQueryException("Malformed $select: empty item in '" + Options.abbreviate(select) + "'");
      }
      chosen.add(Options.property("$select", name, entity));
    }
    return new ArrayList<>(chosen);
  }
}
