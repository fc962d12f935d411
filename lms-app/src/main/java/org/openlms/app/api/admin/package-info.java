/** The operator's admin API under {@code /api/admin}: companies, tenants, limits, tokens and daily maintenance. */
package org.openlms.app.api.admin;
