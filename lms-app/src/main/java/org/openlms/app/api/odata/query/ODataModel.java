package org.openlms.app.api.odata.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All entity sets of the API; checks at construction that every navigation points at a declared set. */
public final class ODataModel {
  private final Map<String, ODataEntity> entities = new LinkedHashMap<>();

  private ODataModel(Collection<ODataEntity> all) {
    for (ODataEntity e : all) {
      if (entities.putIfAbsent(e.setName(), e) != null) {
        throw new IllegalArgumentException("Duplicate entity set " + e.setName());
      }
    }
    for (ODataEntity e : all) {
      for (ODataNavigation n : e.navigations().values()) {
        if (!entities.containsKey(n.targetSet())) {
          throw new IllegalArgumentException(
              e.setName() + "." + n.name() + " targets undeclared entity set " + n.targetSet());
        }
      }
    }
  }

  public static ODataModel of(ODataEntity... entities) {
    return new ODataModel(List.of(entities));
  }

  /** The entity set named in a URL; unknown names are a client error. */
  public ODataEntity entity(String setName) {
    ODataEntity e = entities.get(setName);
    if (e == null) {
      throw new ODataQueryException("Resource not found for the segment '" + setName + "'");
    }
    return e;
  }

  ODataEntity target(ODataNavigation navigation) {
    return entities.get(navigation.targetSet());
  }
}
