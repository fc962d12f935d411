package org.openlms.app.api.odata.query;

import java.util.List;

/**
 * A validated {@code $expand} path such as {@code Loans/StatusArchive}: each step is a navigation and the
 * entity it leads to. Loading the rows is the caller's job; this only guarantees the path exists.
 */
public record ExpandPath(String path, List<Step> steps) {
  public ExpandPath {
    steps = List.copyOf(steps);
  }

  public record Step(ODataNavigation navigation, ODataEntity target) {
  }

  /** The entity the path ends at. */
  public ODataEntity target() {
    return steps.get(steps.size() - 1).target();
  }
}
