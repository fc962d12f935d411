/**
 * Daily maintenance: one run per tenant and business date, its queue, workers and steps, its statistics
 * ({@code dm_stats_entity}) and events ({@code outbox_event}). It reads and writes only the tenant database
 * it is handed; the tenant is always passed explicitly.
 *
 * <ul>
 *   <li>{@link org.openlms.app.maintenance.MaintenanceScheduler}: the blank event at local midnight
 *       (business date D starts at 00:00 of D in the company's zone), catch-up oldest first, once per date
 *       across nodes ({@code UNIQUE (date, kind)} + {@code ON CONFLICT DO NOTHING}).</li>
 *   <li>{@link org.openlms.app.maintenance.MaintenancePlanner}: eligible loans
 *       ({@link org.openlms.app.maintenance.Eligibility}) written as chunks of consecutive ids.</li>
 *   <li>{@link org.openlms.app.maintenance.MaintenanceWorker}: claims a chunk with {@code FOR UPDATE SKIP
 *       LOCKED} and a lease, and maintains it in one transaction guarded by {@code last_maintained_date}.</li>
 *   <li>{@link org.openlms.app.maintenance.MaintenanceCompleter}: the end of a run and the phases after it.</li>
 *   <li>{@link org.openlms.app.maintenance.MaintenanceNode}: this process's threads;
 *       {@link org.openlms.app.maintenance.MaintenanceService}: what the admin API and CLI call.</li>
 * </ul>
 *
 * <p>State lives in the tenant databases only ({@code dm_run}, {@code dm_chunk}, {@code dm_loan_error}), so
 * nodes need nothing but the databases to cooperate. The steps and their ports are in {@code .step}.
 * Loans' own data (terms, balances, payments, archives) belongs to the loan feature; maintenance touches
 * only {@code loan.last_maintained_date} and whatever the steps ask it to write.
 */
package org.openlms.app.maintenance;
