package org.openlms.app.api.odata;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openlms.app.errors.InvalidInputException;

/**
 * {@code $expand} of an entity whose navigations are rendered by hand: {@code Loans,Loans/StatusArchive,
 * PrimaryAddress} becomes each first segment with the rest of its paths ({@code Loans -> "StatusArchive"},
 * {@code PrimaryAddress -> null}), for the navigation's own endpoint to validate and expand. Paths go two
 * navigations deep at most, which is as deep as LoanPro's clients go ({@code Loans/StatusArchive}).
 */
public final class ExpandPaths {

  private ExpandPaths() {}

  /**
   * @param known      the entity's navigation names (others are unknown)
   * @param expandable those this server expands today
   * @param nestable   those whose own navigations may follow ({@code Loans/...})
   */
  public static Map<String, String> parse(String raw, Collection<String> known, Set<String> expandable,
      Set<String> nestable) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isBlank()) {
      return out;
    }
    for (String part : raw.split(",", -1)) {
      String path = part.strip();
      int slash = path.indexOf('/');
      String nav = slash < 0 ? path : path.substring(0, slash);
      if (!known.contains(nav)) {
        throw new InvalidInputException("Unknown navigation property '" + FieldReader.clip(nav) + "' in $expand");
      }
      if (!expandable.contains(nav)) {
        throw new InvalidInputException("$expand of " + nav + " is not supported yet");
      }
      String rest = slash < 0 ? null : path.substring(slash + 1).strip();
      if (rest == null) {
        out.putIfAbsent(nav, null);
        continue;
      }
      if (!nestable.contains(nav)) {
        throw new InvalidInputException("$expand path '" + FieldReader.clip(path) + "': " + nav
            + " has no navigations to expand");
      }
      if (rest.isEmpty() || rest.contains("/")) {
        throw new InvalidInputException("$expand path '" + FieldReader.clip(path)
            + "': at most two navigations deep, as Loans/StatusArchive");
      }
      String before = out.get(nav);
      out.put(nav, before == null ? rest : before + "," + rest);
    }
    return out;
  }
}
