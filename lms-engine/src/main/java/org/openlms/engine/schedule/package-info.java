/**
 * Owns what is fixed when a loan is set up: due dates, the per-period interest rates, the regular payment, the
 * amortization schedule, the final payment adjustment and the Truth-in-Lending disclosure (APR by Regulation Z
 * appendix J). It knows nothing of payments actually made; the day step reads the schedule, never rewrites it.
 */
package org.openlms.engine.schedule;
