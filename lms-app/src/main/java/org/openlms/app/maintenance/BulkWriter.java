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
 * commit) and one {@code INSERT ... SELECT ... ON CONFLICT}. Table and column names come from code
 * ({@link BulkTable} checks them); values only travel as COPY data.
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
    String temp = "dm_bulk_" + t.table();
    String columns = String.join(", ", t.columns());
    StringBuilder data = new StringBuilder(values.size() * 200);
    values.forEach(v -> CopyText.row(data, v));
    tx.jdbc().execute("CREATE TEMP TABLE IF NOT EXISTS " + temp + " (LIKE " + t.table()
        + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
    tx.jdbc().execute((ConnectionCallback<Long>) c -> {
      try {
        return c.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("COPY " + temp + " (" + columns + ") FROM STDIN", new StringReader(data.toString()));
      } catch (java.io.IOException e) {
        throw new java.sql.SQLException("COPY into " + temp + " failed", e);
      }
    });
    tx.jdbc().execute("INSERT INTO " + t.table() + " (" + columns + ") SELECT " + columns + " FROM " + temp
        + " ON CONFLICT " + t.onConflict()); // the temporary rows go at commit (or rollback)
  }
}
