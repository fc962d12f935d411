/**
 * Who may call: tenant API tokens (256-bit, stored hashed, revocable), the admin token, the edge filters that
 * resolve the tenant once per request, and the limiter of failed attempts. Secrets are never logged.
 */
package org.openlms.app.security;
