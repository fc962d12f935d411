/**
 * The LMS server and command line. One top-level package per feature (tenancy, security, api, maintenance,
 * demo, cli); a feature's subpackages are its own.
 */
package org.openlms.app;
