package org.openlms.app.maintenance;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.copy.CopyBinary;
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
    List<String> types = columnTypes(tx, t);
    if (t.direct() != null && t.direct().none(tx.sql(), values)) {
      copy(tx, t.table(), columns, types, values);
      return;
    }
    tx.jdbc().execute("CREATE TEMP TABLE IF NOT EXISTS " + temp + " (LIKE " + t.table()
        + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
    copy(tx, temp, columns, types, values);
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

  /** Each column's type, when every one has a binary COPY form; else null (the rows then go as COPY text). */
  private static List<String> columnTypes(Tx tx, BulkTable t) {
    List<String> found = TYPES.computeIfAbsent(t.table() + "(" + String.join(",", t.columns()) + ")", k -> {
      Map<String, String> byName = new java.util.HashMap<>();
      tx.sql().sql("SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_attribute a "
              + "WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped")
          .param(t.table()).query(rs -> {
            byName.put(rs.getString(1), rs.getString(2));
          });
      List<String> types = t.columns().stream().map(byName::get).toList();
      return types.stream().allMatch(ty -> ty != null && CopyBinary.supports(ty)) ? types : NO_BINARY;
    });
    return found == NO_BINARY ? null : found;
  }

  /**
   * Column types by table and columns, read once per process: every tenant database has the same schema (the
   * migrations run before maintenance does).
   */
  private static final Map<String, List<String>> TYPES = new java.util.concurrent.ConcurrentHashMap<>();
  private static final List<String> NO_BINARY = List.of();

  private static void copy(Tx tx, String into, String columns, List<String> types, List<Object[]> rows) {
    tx.jdbc().execute((ConnectionCallback<Long>) c -> {
      var api = c.unwrap(PGConnection.class).getCopyAPI();
      try {
        if (types != null) {
          CopyBinary data = new CopyBinary(types);
          rows.forEach(data::row);
          byte[] bytes = data.finish();
          var in = api.copyIn("COPY " + into + " (" + columns + ") FROM STDIN (FORMAT binary)");
          try {
            in.writeToCopy(bytes, 0, bytes.length);
            return in.endCopy();
          } finally {
            if (in.isActive()) {
              in.cancelCopy();
            }
          }
        }
        StringBuilder data = new StringBuilder(rows.size() * 200);
        rows.forEach(v -> CopyText.row(data, v));
        return api.copyIn("COPY " + into + " (" + columns + ") FROM STDIN", new StringReader(data.toString()));
      } catch (java.io.IOException e) {
        throw new java.sql.SQLException("COPY into " + into + " failed", e);
      }
    });
  }
}
