/** PostgreSQL COPY text encoding, shared by seeding and daily maintenance's bulk writes. Pure; no I/O. */
package org.openlms.app.copy;
