/**
 * Owns money arithmetic: the one place where scales and rounding modes are chosen.
 * Money posts at 2 decimals, HALF_UP; interest accrues at {@link org.openlms.engine.money.Money#ACCRUAL_SCALE}
 * decimals and is rounded only when it posts. No {@code double} may enter a money path.
 */
package org.openlms.engine.money;
