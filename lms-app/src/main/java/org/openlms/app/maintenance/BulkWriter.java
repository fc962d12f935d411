package org.openlms.app.maintenance;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.copy.CopyText;
import org.openlms.app.maintenance.step.BulkTable;
import org.openlms.app.maintenance.step.ChunkContext.BulkRow;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * Applies a chunk's bulk rows inside its transaction: per table, COPY into a session temporary table (emptied at
 * commit) and one {@code INSERT ... SELECT ... ON CONFLICT}; or, when the table's probe says no row can conflict,
 * COPY straight into the table; an update table's rows go in one {@code UPDATE ... FROM unnest(...)}. Table, column
 * and type names come from code ({@link BulkTable} checks them); values only travel as COPY data or bound arrays.
 */
final class BulkWriter {

  private BulkWriter() {}

  static void apply(Tx tx, List<BulkRow> rows) {
    Map<BulkTable, List<Object[]>> byTable = new LinkedHashMap<>();
    for (BulkRow r : rows) {
      byTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r.values());
    }
    byTable.forEach((table, values) -> write(tx, table, values));
  }

  private static void write(Tx tx, BulkTable t, List<Object[]> values) {
    if (t.isUpdate()) {
      update(tx, t, values);
      return;
    }
    String temp = "dm_bulk_" + t.table();
    String columns = String.join(", ", t.columns());
    StringBuilder data = new StringBuilder(values.size() * 200);
    values.forEach(v -> CopyText.row(data, v));
    if (t.direct() != null && t.direct().none(tx.sql(), values)) {
      copy(tx, t.table(), columns, data);
      return;
    }
    tx.jdbc().execute("CREATE TEMP TABLE IF NOT EXISTS " + temp + " (LIKE " + t.table()
        + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
    copy(tx, temp, columns, data);
    tx.jdbc().execute("INSERT INTO " + t.table() + " (" + columns + ") SELECT " + columns + " FROM " + temp
        + " ON CONFLICT " + t.onConflict()); // the temporary rows go at commit (or rollback)
  }

  /** {@code UPDATE t SET c = v.c ... FROM unnest(arrays) v WHERE t.key = v.key}, each column's values one array. */
  private static void update(Tx tx, BulkTable t, List<Object[]> rows) {
    List<String> cols = t.columns();
    StringBuilder sql = new StringBuilder("UPDATE ").append(t.table()).append(" t SET ");
    for (int i = 1; i < cols.size(); i++) {
      sql.append(i > 1 ? ", " : "").append(cols.get(i)).append(" = v.").append(cols.get(i));
    }
    sql.append(" FROM unnest(");
    for (int i = 0; i < cols.size(); i++) {
      sql.append(i > 0 ? ", " : "").append("?::").append(t.types().get(i)).append("[]");
    }
    sql.append(") AS v(").append(String.join(", ", cols)).append(") WHERE t.").append(cols.get(0)).append(" = v.")
        .append(cols.get(0));
    tx.jdbc().update(sql.toString(), ps -> {
      for (int i = 0; i < cols.size(); i++) {
        Object[] column = new Object[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
          column[r] = rows.get(r)[i];
        }
        ps.setArray(i + 1, ps.getConnection().createArrayOf(t.types().get(i), column));
      }
    });
  }

  private static void copy(Tx tx, String into, String columns, StringBuilder data) {
    tx.jdbc().execute((ConnectionCallback<Long>) c -> {
      try {
        return c.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("COPY " + into + " (" + columns + ") FROM STDIN", new StringReader(data.toString()));
      } catch (java.io.IOException e) {
        throw new java.sql.SQLException("COPY into " + into + " failed", e);
      }
    });
  }
}
