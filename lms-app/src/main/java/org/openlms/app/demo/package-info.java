/**
 * The demo a newcomer gets on first start: a company with a production and a sandbox tenant and their
 * tokens. It only calls the tenancy and security services; it never runs once a company exists.
 */
package org.openlms.app.demo;
