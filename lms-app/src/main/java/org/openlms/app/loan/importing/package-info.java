/**
 * Bulk loan import keyed by displayId (re-runs update, never duplicate), one transaction per row so bad rows
 * are reported by line while good rows load. Parsing is the API's; this package only applies rows.
 */
package org.openlms.app.loan.importing;
