package org.openlms.app.maintenance;

import java.time.Instant;
import java.time.LocalDate;

/** One daily maintenance run of a tenant: a business date and kind, its state and when it moved. */
public record DmRun(long id, LocalDate date, String kind, RunState state, String trigger, Instant queuedAt,
    Instant startedAt, Instant completedAt, long totalLoans, int chunkCount, String detail) {}
