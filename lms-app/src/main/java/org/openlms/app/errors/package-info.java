/**
 * Exceptions that every feature may throw to refuse a request; the API edge turns them into LoanPro's
 * error envelope. Owns no behaviour and must not depend on any feature package.
 */
package org.openlms.app.errors;
