package org.openlms.app.maintenance;

import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code dm_stats_entity}: the timings and counts of daily maintenance for a date and kind. */
public record DmStats(long id, LocalDate date, String kind, Instant queued, Instant inProgress, Instant completed,
    Instant warningFlagsEvaluation, Instant stoplightEvaluation, Instant reverseCalcCompleted, long totalLoans,
    long maintainedLoans, long failedLoans) {}
