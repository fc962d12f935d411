package org.openlms.app.api.odata;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openlms.app.api.odata.query.ODataProperty;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.openlms.app.api.odata.query.QueryPlan;

/**
 * Applies {@code $select} to an entity already rendered: keeps {@code __metadata}, the chosen properties and the
 * expanded navigations.
 */
public final class ODataSelect {

  private ODataSelect() {}

  /**
   * The options of a single-entity read ({@code Loans(5)?$select=id,title&nopaging=true}): only {@code $select}
   * applies to one entity; the collection options are accepted (the SDK sends nopaging on every read) and ignored.
   */
  public static ODataQueryOptions only(ODataQueryOptions o) {
    return new ODataQueryOptions(null, null, null, null, null, o.select(), null, null);
  }

  public static Map<String, Object> apply(Map<String, Object> entity, QueryPlan plan) {
    if (plan.select().size() == plan.entity().properties().size()) {
      return entity;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("__metadata", entity.get("__metadata"));
    for (ODataProperty p : plan.select()) {
      out.put(p.name(), entity.get(p.name()));
    }
    // Navigations the request expanded stay (a client that asks for $expand=LoanSetup wants it, whatever it
    // selects); those not expanded ({"__deferred":...}) go with the other unselected properties.
    entity.forEach((name, value) -> {
      if (value instanceof Map<?, ?> nav && !nav.containsKey("__deferred") && !name.equals("__metadata")) {
        out.put(name, value);
      }
    });
    return out;
  }
}
