package org.openlms.app.maintenance;

import java.util.Locale;

/** Queued (the blank event) -> in progress (loans queued) -> completed, or failed if a chunk was given up. */
public enum RunState {
  QUEUED, IN_PROGRESS, COMPLETED, FAILED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunState fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  public boolean finished() {
    return this == COMPLETED || this == FAILED;
  }
}
