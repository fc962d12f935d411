package org.openlms.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lms} command line. */
@Command(name = "lms", mixinStandardHelpOptions = true, version = "lms 0.1.0",
    description = "Open loan management system: server, tenants, tokens, daily maintenance.",
    subcommands = {ServeCommand.class, CompanyCommand.class, TenantCommand.class, TokenCommand.class,
        SeedCommand.class, ImportCommand.class, MaintenanceCommand.class, WorkerCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class LmsCommand implements Runnable {

  /** Returned by {@code serve}: the process keeps running until the server stops. */
  public static final int KEEP_RUNNING = -1;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static int run(String... args) {
    return new CommandLine(new LmsCommand()).execute(args);
  }
}
