/**
 * Daily maintenance: the nightly run per tenant and business date, its queue, workers and steps, and its
 * statistics ({@code dm_stats_entity}). So far it owns the statistics table and its reader; the run itself
 * builds on the engine. It reads and writes only the tenant database it is handed.
 */
package org.openlms.app.maintenance;
