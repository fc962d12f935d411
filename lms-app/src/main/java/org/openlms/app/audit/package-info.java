/** The audit trail of a tenant: who changed what, written in the same transaction as the change. */
package org.openlms.app.audit;
