/**
 * The HTTP edge shared by every endpoint: LoanPro's envelopes and wire formats, the error envelope and
 * status mapping, the body size limit and the filter order. Endpoints live in subpackages.
 */
package org.openlms.app.api;
