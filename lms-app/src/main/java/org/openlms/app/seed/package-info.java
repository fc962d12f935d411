/**
 * Generated loans for demos, tests and benchmarks: realistic kinds computed once by the engine, loaded with
 * PostgreSQL COPY in one transaction. It writes only the tenant database it is given and respects its max loans.
 */
package org.openlms.app.seed;
