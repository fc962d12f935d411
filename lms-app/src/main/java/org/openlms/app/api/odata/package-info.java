/**
 * The LoanPro-compatible OData v2 surface under {@code /api/public/api/1/odata.svc}: envelopes, paging and
 * the entity sets. It receives the tenant resolved at the edge and reads only that tenant's database.
 */
package org.openlms.app.api.odata;
