package org.openlms.app.api.odata.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entity set as the query layer sees it: its OData names, the SQL it is read from and its declared
 * properties and navigations. Only what is declared here can be filtered, sorted, selected or expanded.
 *
 * @param setName    the entity set in URLs, e.g. {@code TenantDMStats}
 * @param typeName   the {@code __metadata.type}, e.g. {@code Entity.TenantDMStats}
 * @param from       the SQL FROM clause (a table, or a table with joins and an alias); developer-written
 * @param keyColumn  the SQL expression of the key, used as the final sort key so pages are stable
 */
public record ODataEntity(String setName, String typeName, String from, String keyColumn,
    Map<String, ODataProperty> properties, Map<String, ODataNavigation> navigations) {

  public ODataEntity {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    navigations = Collections.unmodifiableMap(new LinkedHashMap<>(navigations));
    for (String nav : navigations.keySet()) {
      if (properties.containsKey(nav)) {
        throw new IllegalArgumentException(setName + ": '" + nav + "' is both a property and a navigation");
      }
    }
  }

  public static Builder builder(String setName, String typeName, String from, String keyColumn) {
    return new Builder(setName, typeName, from, keyColumn);
  }

  public Optional<ODataProperty> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  public Optional<ODataNavigation> navigation(String name) {
    return Optional.ofNullable(navigations.get(name));
  }

  /** The declared name that differs from {@code name} only in case, to suggest it in an error. */
  Optional<String> nameLike(String name) {
    List<String> all = new ArrayList<>(properties.keySet());
    all.addAll(navigations.keySet());
    return all.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
  }

  /** Collects properties and navigations in declaration order ($select * keeps that order). */
  public static final class Builder {
    private final String setName;
    private final String typeName;
    private final String from;
    private final String keyColumn;
    private final Map<String, ODataProperty> properties = new LinkedHashMap<>();
    private final Map<String, ODataNavigation> navigations = new LinkedHashMap<>();

    private Builder(String setName, String typeName, String from, String keyColumn) {
      this.setName = setName;
      this.typeName = typeName;
      this.from = from;
      this.keyColumn = keyColumn;
    }

    public Builder property(String name, String column, ODataType type) {
      return add(ODataProperty.of(name, column, type));
    }

    public Builder add(ODataProperty property) {
      if (properties.putIfAbsent(property.name(), property) != null) {
        throw new IllegalArgumentException(setName + ": duplicate property " + property.name());
      }
      return this;
    }

    public Builder navigation(ODataNavigation navigation) {
      if (navigations.putIfAbsent(navigation.name(), navigation) != null) {
        throw new IllegalArgumentException(setName + ": duplicate navigation " + navigation.name());
      }
      return this;
    }

    public ODataEntity build() {
      return new ODataEntity(setName, typeName, from, keyColumn, properties, navigations);
    }
  }
}
