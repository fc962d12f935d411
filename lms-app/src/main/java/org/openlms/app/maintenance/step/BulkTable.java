package org.openlms.app.maintenance.step;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table a step writes many rows of per chunk (one per loan, or per loan and day). The worker loads a chunk's
 * rows with COPY into a temporary copy of the table and applies them with one set-based
 * {@code INSERT ... SELECT ... ON CONFLICT}, as the floor of a maintenance run does, instead of a statement a row.
 * An {@linkplain #update update} table instead changes some columns of existing rows, in one {@code UPDATE} from
 * arrays (no temporary table).
 *
 * @param onConflict what follows {@code ON CONFLICT}, e.g. {@code (loan_id) DO UPDATE SET a = EXCLUDED.a}; null for
 *     an update table
 * @param types for an update table, each column's SQL type (its values travel as one array of that type)
 */
public record BulkTable(String table, List<String> columns, String onConflict, ConflictProbe direct,
    List<String> types) {

  /**
   * Tells, inside the chunk's transaction and before its rows of the table are written, that none of them can
   * conflict with a row already there. They then go straight into the table with COPY, which saves the temporary
   * table and the merge; otherwise (or without a probe) they are merged.
   */
  @FunctionalInterface
  public interface ConflictProbe {
    boolean none(JdbcClient db, List<Object[]> rows);
  }

  public BulkTable(String table, List<String> columns, String onConflict) {
    this(table, columns, onConflict, null, null);
  }

  public BulkTable {
    if (!table.matches("[a-z_]+") || columns.stream().anyMatch(c -> !c.matches("[a-z_0-9]+"))
        || types != null && (types.size() != columns.size() || types.stream().anyMatch(c -> !c.matches("[a-z_0-9]+")))) {
      throw new IllegalArgumentException("bulk tables, columns and types are identifiers written in code: " + table);
    }
    columns = List.copyOf(columns);
    types = types == null ? null : List.copyOf(types);
  }

  /** The same table, written straight with COPY when {@code probe} says no row can conflict. */
  public BulkTable directWhen(ConflictProbe probe) {
    return new BulkTable(table, columns, onConflict, probe, types);
  }

  /**
   * Sets {@code columns} (of the given SQL {@code types}) of rows that exist, found by the first column: for rows that
   * change only a few narrow columns, so that the rest is neither sent nor parsed again.
   */
  public static BulkTable update(String table, List<String> columns, List<String> types) {
    return new BulkTable(table, columns, null, null, types);
  }

  public boolean isUpdate() {
    return types != null;
  }

  /** An upsert that replaces every column but the key columns. */
  public static BulkTable upsert(String table, List<String> columns, List<String> key) {
    String set = String.join(", ", columns.stream().filter(c -> !key.contains(c)).map(c -> c + " = EXCLUDED." + c)
        .toList());
    return new BulkTable(table, columns, "(" + String.join(", ", key) + ") DO UPDATE SET " + set);
  }
}
