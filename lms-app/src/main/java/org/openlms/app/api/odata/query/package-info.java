/**
 * The OData v2 query layer of the LoanPro-compatible API: it turns the query options of one request
 * ({@code $filter}, {@code $orderby}, {@code $top}, {@code $skip}/{@code $start}, {@code $select},
 * {@code $expand}, {@code nopaging}) into a validated {@link org.openlms.app.api.odata.query.QueryPlan} of
 * parameterised SQL over a declared entity model, or into one
 * {@link org.openlms.app.api.odata.query.ODataQueryException} whose message names the offending option, token
 * or property and its 1-based position. The API layer maps that exception to HTTP 409 with LoanPro's envelope
 * {@code {"error":{"type":"ODataQueryException","message":{"value":"..."}}}}.
 *
 * <p><b>Owns:</b> the entity model types ({@code ODataEntity}, {@code ODataProperty}, {@code ODataNavigation},
 * {@code ODataModel}), the {@code $filter} lexer, parser and tree, the SQL translation and the query limits.
 *
 * <p><b>Must not touch:</b> HTTP, JSON, JDBC connections, tenants or transactions. It runs no SQL: repositories
 * bind {@link org.openlms.app.api.odata.query.SqlFragment#params()} and execute. It never concatenates client
 * text into SQL: SQL text comes only from code constants and developer-declared column expressions, every
 * literal is a typed {@code CAST(? AS ...)} parameter, property and navigation names are resolved only through
 * the model, and functions come from a whitelist.
 *
 * <p><b>Why a hand-written parser and not Apache Olingo v2.</b> Olingo's {@code olingo-odata2-core} 2.0.13 was
 * tried stand-alone (timeboxed). Its filter parser runs on Java 17 without an EDM once its compile
 * dependencies {@code javax.ws.rs-api} 2.0-m10 (a milestone) and gson are excluded, and its precedence and
 * messages are good. It was not used because: it rejects date-only {@code datetime'2021-03-17'}, which
 * LoanPro documents, so client input would have to be rewritten before parsing; its tree carries no source
 * positions, so "Unknown property 'foo' at position 12" could not be reported; deep nesting ends in a
 * {@code StackOverflowError} rather than an error we control; and its tree would still need converting to
 * our own for typing. The grammar is small, so a recursive-descent parser (about 250 lines, tested for
 * precedence, every operator and function, and fuzzed) is less code than the adapter.
 *
 * <p><b>Semantics chosen where OData v2 or LoanPro is silent:</b>
 * <ul>
 *   <li>{@code not} binds looser than comparisons: {@code not a eq 1} is {@code not (a eq 1)}.</li>
 *   <li>Operators, keywords and function names are lowercase as in OData; other spellings get an error that
 *       says so. Literal prefixes ({@code datetime'...'}) are accepted in any case.</li>
 *   <li>A DATE property compared with a datetime literal compares the literal's UTC date; DATE against a
 *       DATETIME property takes the date as midnight UTC. Date parts are extracted in UTC whatever the
 *       session time zone.</li>
 *   <li>{@code eq null}/{@code ne null} become {@code IS [NOT] NULL}; other comparisons keep SQL semantics
 *       ({@code ne 'x'} does not match NULL). {@code div}/{@code mod} by zero yield NULL, not a database error.</li>
 *   <li>{@code nopaging} removes the default page (50) but an explicit {@code $top} still applies; results are
 *       always ordered, ending with the key, so pages are stable.</li>
 *   <li>Limits ({@link org.openlms.app.api.odata.query.QueryLimits}): 2,000 characters per option, nesting
 *       depth 50, {@code $top} at most 1,000. Left-to-right chains such as 50 ORed ids do not count as
 *       nesting.</li>
 * </ul>
 */
package org.openlms.app.api.odata.query;
