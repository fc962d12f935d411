/** The operator's admin API under {@code /api/admin}: companies, tenants, limits and tokens. */
package org.openlms.app.api.admin;
