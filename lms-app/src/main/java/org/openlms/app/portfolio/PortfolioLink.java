package org.openlms.app.portfolio;

/** One entry of a loan's {@code Portfolios} or {@code SubPortfolios} in a request: link, or unlink if destroy. */
public record PortfolioLink(long id, boolean destroy) {}
