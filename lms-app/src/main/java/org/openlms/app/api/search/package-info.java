/**
 * LoanPro's search endpoints ({@code Loans/Autopal.Search()}, {@code Customers/Autopal.Search()}), which take
 * an Elasticsearch query body. Served by PostgreSQL: {@link org.openlms.app.api.search.SearchParser} reads the
 * subset clients use into {@link org.openlms.app.api.search.SearchQuery} records (bounded in depth and size),
 * and {@link org.openlms.app.api.search.SearchTranslator} turns them into parameterised SQL over a declared
 * field map ({@link org.openlms.app.api.search.SearchIndexes}); an undeclared field is refused by name and every
 * client value is a bind parameter. Wildcard and word matches are served by pg_trgm GIN indexes (V5).
 */
package org.openlms.app.api.search;
