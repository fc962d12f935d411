package org.openlms.app.api.odata.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code $orderby=date desc, id}: declared, sortable properties only, each optionally followed by asc/desc. */
final class OrderByParser {
  private static final int MAX_KEYS = 10;

  private OrderByParser() {
  }

  static List<OrderKey> parse(String orderBy, ODataEntity entity, QueryLimits limits) {
    if (orderBy == null || orderBy.isBlank()) {
      return List.of();
    }
    Options.checkLength("$orderby", orderBy, limits);
    String[] items = orderBy.split(",", -1);
    if (items.length > MAX_KEYS) {
      throw new ODataQueryException("$orderby has " + items.length + " keys, the limit is " + MAX_KEYS);
    }
    List<OrderKey> keys = new ArrayList<>();
    for (String item : items) {
      String[] words = item.trim().split("\\s+");
      if (words[0].isEmpty()) {
        throw new ODataQueryException("Malformed $orderby: empty sort key in '" + orderBy + "'");
      }
      if (words.length > 2) {
        throw new ODataQueryException("Malformed $orderby: expected '<property> [asc|desc]' but found '"
            + item.trim() + "'");
      }
      ODataProperty property = Options.property("$orderby", words[0], entity);
      if (!property.sortable()) {
        throw new ODataQueryException("Property '" + property.name() + "' cannot be used in $orderby");
      }
      keys.add(new OrderKey(property, words.length == 2 && descending(words[1])));
    }
    return keys;
  }

  private static boolean descending(String direction) {
    switch (direction) {
      case "asc": return false;
      case "desc": return true;
      default:
        String lower = direction.toLowerCase(Locale.ROOT);
        throw new ODataQueryException("Malformed $orderby: unknown direction '" + direction + "'"
            + (lower.equals("asc") || lower.equals("desc") ? ", directions are lowercase: use '" + lower + "'"
                : ", expected 'asc' or 'desc'"));
    }
  }
}
