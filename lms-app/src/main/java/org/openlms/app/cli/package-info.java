/**
 * The {@code ./lms} command line (picocli): {@code serve} runs the server; the admin commands call a running
 * server's admin API and print JSON, so they never open a database themselves.
 */
package org.openlms.app.cli;
