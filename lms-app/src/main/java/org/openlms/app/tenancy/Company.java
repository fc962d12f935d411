package org.openlms.app.tenancy;

import java.time.Instant;
import java.time.ZoneId;

/** A lender. Its time zone decides when its tenants' nights (and daily maintenance) begin. */
public record Company(long id, String name, ZoneId timeZone, Instant createdAt) {}
