package org.openlms.app.security;

/** A token just created: the only moment its secret exists outside the caller's hands. */
public record IssuedToken(ApiToken token, String secret) {}
