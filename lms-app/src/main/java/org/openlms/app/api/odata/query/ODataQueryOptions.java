package org.openlms.app.api.odata.query;

import java.util.Map;

/**
 * The raw (already URL-decoded) query options of one request; {@code null} means absent. A bare
 * {@code nopaging} arrives as the empty string. Other parameters are the API layer's business and are ignored.
 * {@code $start} is the name LoanPro's search endpoints use for {@code $skip}.
 */
public record ODataQueryOptions(String filter, String orderBy, String top, String skip, String start,
    String select, String expand, String nopaging) {

  public static final ODataQueryOptions NONE = new ODataQueryOptions(null, null, null, null, null, null, null, null);

  /** From single-valued parameters, e.g. Spring's {@code @RequestParam Map<String, String>}. */
  public static ODataQueryOptions fromParameters(Map<String, String> params) {
    return new ODataQueryOptions(params.get("$filter"), params.get("$orderby"), params.get("$top"),
        params.get("$skip"), params.get("$start"), params.get("$select"), params.get("$expand"),
        params.get("nopaging"));
  }

  /** From a servlet parameter map; an option given twice is ambiguous and refused. */
  public static ODataQueryOptions fromParameterMap(Map<String, String[]> params) {
    return new ODataQueryOptions(one(params, "$filter"), one(params, "$orderby"), one(params, "$top"),
        one(params, "$skip"), one(params, "$start"), one(params, "$select"), one(params, "$expand"),
        one(params, "nopaging"));
  }

  private static String one(Map<String, String[]> params, String name) {
    String[] values = params.get(name);
    if (values == null || values.length == 0) {
      return null;
    }
    if (values.length > 1) {
      throw new ODataQueryException("Query option " + name + " is given more than once");
    }
    return values[0];
  }
}
