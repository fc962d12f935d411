package org.openlms.app.portfolio;

import java.time.Instant;

/** A sub-portfolio of {@code parent} (a portfolio id); its parent never changes. */
public record SubPortfolio(long id, long parent, String title, boolean active, Instant created) {}
