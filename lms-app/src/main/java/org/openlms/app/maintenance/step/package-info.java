/**
 * The steps of daily maintenance and the ports later issues plug into. A chunk's loans are read once, in
 * bulk, and handed to every step as in-memory {@link org.openlms.app.maintenance.step.MaintainedLoan}s in a
 * {@link org.openlms.app.maintenance.step.ChunkContext}; steps add per-loan writes and outbox events to it
 * and never commit, so the worker writes everything in bulk and marks the chunk done in one transaction.
 *
 * <p>Stages run in the order the daily maintenance documentation gives ({@link
 * org.openlms.app.maintenance.step.MaintenanceStage}): calculator, recurring charges, rules, stoplights,
 * warning flags, notifications. A step is a Spring bean implementing {@link
 * org.openlms.app.maintenance.step.MaintenanceStep}; adding one never touches the worker.
 *
 * <p><b>The calculator boundary.</b> The pure engine's day step is not part of this package. The calculator
 * stage ({@link org.openlms.app.maintenance.step.CalculatorStep}) calls the {@link
 * org.openlms.app.maintenance.step.DayCalculator} port; until an adapter bean implementing it exists, the
 * stage does nothing and maintenance only keeps its bookkeeping (the loan's last maintained date). There
 * is deliberately no stand-in accrual here. Likewise {@link
 * org.openlms.app.maintenance.step.ReverseCalculation} is the hook for re-deriving archives of loans changed
 * back-dated, run after a run completes.
 *
 * <p>Steps must not touch other tenants, open their own transactions or commit.
 */
package org.openlms.app.maintenance.step;
