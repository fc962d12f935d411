package org.openlms.app.api.odata.query;

import java.util.List;
import java.util.Locale;

/**
 * Turns the query options of one request into a {@link QueryPlan}, or an {@link ODataQueryException}.
 * Immutable and thread-safe: build one per model and share it.
 */
public final class ODataQueryPlanner {
  private final ODataModel model;
  private final QueryLimits limits;

  public ODataQueryPlanner(ODataModel model) {
    this(model, QueryLimits.DEFAULT);
  }

  public ODataQueryPlanner(ODataModel model, QueryLimits limits) {
    this.model = model;
    this.limits = limits;
  }

  public QueryPlan plan(String entitySet, ODataQueryOptions options) {
    return plan(model.entity(entitySet), options);
  }

  public QueryPlan plan(ODataEntity entity, ODataQueryOptions options) {
    List<ODataProperty> select = SelectParser.parse(options.select(), entity, limits);
    // a blank $filter= (clients that always send the option) means no filter, like the other options
    SqlFragment where = options.filter() == null || options.filter().isBlank() ? SqlFragment.empty()
        : FilterTranslator.translate(FilterParser.parse(options.filter(), limits), entity);
    List<OrderKey> orderBy = OrderByParser.parse(options.orderBy(), entity, limits);
    List<ExpandPath> expand = ExpandParser.parse(options.expand(), entity, model, limits);
    return new QueryPlan(entity, select, where, orderBy, limit(options), offset(options), expand);
  }

  /** {@code nopaging} drops the default page size; an explicit {@code $top} still applies. */
  private Integer limit(ODataQueryOptions options) {
    if (options.top() != null) {
      return Options.count("$top", options.top(), limits.maxTop());
    }
    return noPaging(options.nopaging()) ? null : limits.defaultTop();
  }

  private static int offset(ODataQueryOptions options) {
    Integer skip = options.skip() == null ? null : Options.count("$skip", options.skip(), Integer.MAX_VALUE);
    Integer start = options.start() == null ? null : Options.count("$start", options.start(), Integer.MAX_VALUE);
    if (skip != null && start != null && !skip.equals(start)) {
      throw new ODataQueryException("$skip and $start are the same option and disagree: " + skip + " and " + start);
    }
    return skip != null ? skip : start != null ? start : 0;
  }

  private static boolean noPaging(String value) {
    if (value == null) {
      return false;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "": case "true": return true;
      case "false": return false;
      default:
        throw new ODataQueryException("Invalid nopaging '" + Options.abbreviate(value)
            + "': expected nopaging, nopaging=true or nopaging=false");
    }
  }
}
