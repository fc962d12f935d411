/**
 * Owns the reverse calculation: recompute a loan day by day from a date, given its schedule and its payment
 * list, producing the per-day archive rows. A back-dated payment or a reversal is a replay from its date; the
 * result equals a loan that had (or never had) the payment from the start.
 */
package org.openlms.engine.replay;
