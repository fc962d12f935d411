package org.openlms.app;

import org.openlms.app.cli.LmsCommand;

/** Entry point of {@code ./lms}: every command (serve, tenant, token, ...) starts here. */
public final class LmsMain {

  private LmsMain() {}

  public static void main(String[] args) {
    int code = LmsCommand.run(args);
    if (code != LmsCommand.KEEP_RUNNING) {
      System.exit(code);
    }
  }
}
