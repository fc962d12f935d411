/**
 * The control plane: the control database and its server (embedded PostgreSQL or external by URL),
 * companies, tenants, where each tenant's own database lives, creating and migrating those databases, and
 * one connection pool per tenant. It must not read or write inside a tenant database beyond migrating it;
 * features get a tenant's pool from {@link org.openlms.app.tenancy.TenantDataSources}.
 */
package org.openlms.app.tenancy;
