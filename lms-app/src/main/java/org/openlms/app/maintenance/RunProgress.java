package org.openlms.app.maintenance;

/** A run with its chunks' progress, as the CLI's progress bar shows it. */
public record RunProgress(DmRun run, int chunksDone, long maintainedLoans, long failedLoans) {}
