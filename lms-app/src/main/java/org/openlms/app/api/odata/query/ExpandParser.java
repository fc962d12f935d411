package org.openlms.app.api.odata.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code $expand=LoanSetup,Loans/StatusArchive}: every segment must be a declared navigation. */
final class ExpandParser {
  private ExpandParser() {
  }

  static List<ExpandPath> parse(String expand, ODataEntity root, ODataModel model, QueryLimits limits) {
    if (expand == null || expand.isBlank()) {
      return List.of();
    }
    Options.checkLength("$expand", expand, limits);
    String[] items = expand.split(",", -1);
    if (items.length > limits.maxExpandPaths()) {
      throw new ODataQueryException("$expand has " + items.length + " paths, the limit is "
          + limits.maxExpandPaths());
    }
    Map<String, ExpandPath> paths = new LinkedHashMap<>();
    for (String item : items) {
      String path = item.trim();
      if (path.isEmpty()) {
        throw new ODataQueryException("Malformed $expand: empty path in '" + Options.abbreviate(expand) + "'");
      }
      paths.putIfAbsent(path, path(path, root, model, limits));
    }
    return List.copyOf(paths.values());
  }

  private static ExpandPath path(String path, ODataEntity root, ODataModel model, QueryLimits limits) {
    String[] segments = path.split("/", -1);
    if (segments.length > limits.maxExpandDepth()) {
      throw new ODataQueryException("$expand path '" + path + "' has " + segments.length
          + " segments, the limit is " + limits.maxExpandDepth());
    }
    List<ExpandPath.Step> steps = new ArrayList<>();
    ODataEntity at = root;
    for (String segment : segments) {
      ODataEntity from = at;
      ODataNavigation nav = from.navigation(segment).orElseThrow(() -> new ODataQueryException(
          "Unknown navigation '" + segment + "' in $expand path '" + path + "' (entity " + from.setName() + ")"
              + from.nameLike(segment).map(n -> ", did you mean '" + n + "'?").orElse("")));
      at = model.target(nav);
      steps.add(new ExpandPath.Step(nav, at));
    }
    return new ExpandPath(path, steps);
  }
}
