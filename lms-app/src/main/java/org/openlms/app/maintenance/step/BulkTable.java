package org.openlms.app.maintenance.step;

import java.util.List;

/**
 * A table a step writes many rows of per chunk (one per loan, or per loan and day). The worker loads a chunk's
 * rows with COPY into a temporary copy of the table and applies them with one set-based
 * {@code INSERT ... SELECT ... ON CONFLICT}, as the floor of a maintenance run does, instead of a statement a row.
 *
 * @param onConflict what follows {@code ON CONFLICT}, e.g. {@code (loan_id) DO UPDATE SET a = EXCLUDED.a}
 */
public record BulkTable(String table, List<String> columns, String onConflict) {

  public BulkTable {
    if (!table.matches("[a-z_]+") || columns.stream().anyMatch(c -> !c.matches("[a-z_0-9]+"))) {
      throw new IllegalArgumentException("bulk tables and columns are identifiers written in code: " + table);
    }
    columns = List.copyOf(columns);
  }

  /** An upsert that replaces every column but the key columns. */
  public static BulkTable upsert(String table, List<String> columns, List<String> key) {
    String set = String.join(", ", columns.stream().filter(c -> !key.contains(c)).map(c -> c + " = EXCLUDED." + c)
        .toList());
    return new BulkTable(table, columns, "(" + String.join(", ", key) + ") DO UPDATE SET " + set);
  }
}
