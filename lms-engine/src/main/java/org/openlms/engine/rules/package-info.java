/**
 * The automation engine's rule language: CEL expressions over the declared facts of one loan on one business
 * date ({@link org.openlms.engine.rules.Fact}). A rule is type-checked when it is saved (a typo or a wrong type
 * is refused with its line and column) and compiled once per run; evaluating it is pure and bounded (input size,
 * nesting and comprehension iterations are capped), so no rule can hang a night or exhaust memory. Plain rules
 * are evaluated by {@code FastPath}, planned from CEL's checked tree, with CEL's interpreter
 * as the reference and fallback.
 */
package org.openlms.engine.rules;
