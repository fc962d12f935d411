package org.openlms.app.maintenance.step;

import java.time.LocalDate;
import javax.sql.DataSource;
import org.openlms.app.tenancy.Tenant;

/**
 * HOOK for the reverse-calculation phase: after a run completes, re-derive the reverse-calculated archive
 * of loans changed back-dated on that business date. Implementations are Spring beans (none yet); the
 * phase stamps {@code reverse_calc_completed} when every hook has returned. Must be idempotent: a crash
 * before the stamp runs the phase again.
 */
public interface ReverseCalculation {

  void run(Tenant tenant, DataSource tenantDb, LocalDate businessDate);
}
