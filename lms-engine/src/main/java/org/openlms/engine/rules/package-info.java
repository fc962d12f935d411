/**
 * The automation engine's rule language: CEL expressions over the declared facts of one loan on one business
 * date ({@link org.openlms.engine.rules.Fact}). A rule is type-checked when it is saved (a typo or a wrong type
 * is refused with its line and column) and compiled once per run; evaluating it is pure and bounded (input size,
 * nesting and comprehension iterations are capped), so no rule can hang a night or exhaust memory.
 */
package org.openlms.engine.rules;
