/**
 * Owns the reverse calculation: recompute a loan day by day from a date, given its schedule, its payment list and
 * its charges, producing the per-day archive rows. A back-dated payment or charge, or a reversal of either, is a
 * replay from its date; the result equals a loan that had (or never had) it from the start.
 */
package org.openlms.engine.replay;
