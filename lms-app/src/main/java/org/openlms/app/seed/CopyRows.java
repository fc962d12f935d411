package org.openlms.app.seed;

import java.io.Reader;
import org.openlms.app.copy.CopyText;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Feeds PostgreSQL's COPY text format row by row as it is read, so a million loans never sit in memory.
 * Values are escaped here ({@code \N} for null; backslash, tab and line breaks escaped).
 */
final class CopyRows extends Reader {

  private static final int PROGRESS_EVERY = 10_000;
  private final int count;
  private final IntFunction<String> row;
  private final IntConsumer progress;
  private int next;
  private String current = "";
  private int pos;

  CopyRows(int count, IntFunction<String> row, IntConsumer progress) {
    this.count = count;
    this.row = row;
    this.progress = progress;
  }

  @Override
  public int read(char[] buf, int off, int len) {
    int written = 0;
    while (written < len) {
      if (pos == current.length()) {
        if (next == count) {
          break;
        }
        current = row.apply(next++);
        pos = 0;
        if (next % PROGRESS_EVERY == 0 || next == count) {
          progress.accept(next);
        }
        continue;
      }
      int n = Math.min(len - written, current.length() - pos);
      current.getChars(pos, pos + n, buf, off + written);
      pos += n;
      written += n;
    }
    return written == 0 && next == count ? -1 : written;
  }

  @Override
  public void close() {}

  /** Appends one field, tab-separated after the first of its line. */
  static StringBuilder field(StringBuilder sb, Object value) {
    if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
      sb.append('\t');
    }
    return CopyText.value(sb, value);
  }
}
