package org.openlms.app.api.odata.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a eq 1 or b eq 2 and c eq 3       | (or (eq a 1) (and (eq b 2) (eq c 3)))",
      "a eq 1 and b eq 2 or c eq 3       | (or (and (eq a 1) (eq b 2)) (eq c 3))",
      "(a eq 1 or b eq 2) and c eq 3     | (and (or (eq a 1) (eq b 2)) (eq c 3))",
      "a or b or c                       | (or (or a b) c)",
      "a and b and c                     | (and (and a b) c)",
      "a add b mul c eq 7                | (eq (add a (mul b c)) 7)",
      "a mul b add c eq 7                | (eq (add (mul a b) c) 7)",
      "(a add b) mul c eq 7              | (eq (mul (add a b) c) 7)",
      "a sub b sub c eq 0                | (eq (sub (sub a b) c) 0)",
      "a div b mod c eq 1                | (eq (mod (div a b) c) 1)",
      "a sub b add c eq 0                | (eq (add (sub a b) c) 0)",
      "not a eq 1 and b eq 2             | (and (not (eq a 1)) (eq b 2))",
      "not a eq 1 or not b               | (or (not (eq a 1)) (not b))",
      "not not flag                      | (not (not flag))",
      "not (a eq 1 or b eq 2)            | (not (or (eq a 1) (eq b 2)))",
      "-a add 3 eq 0                     | (eq (add (negate a) 3) 0)",
      "a sub -5 eq 0                     | (eq (sub a -5) 0)",
      "- (a mul 2) eq -2.5               | (eq (negate (mul a 2)) -2.5m)",
      "a add 1 gt b mul 2                | (gt (add a 1) (mul b 2))",
      "4 lt 5                            | (lt 4 5)",
      "tolower(name) eq 'x' and year(d) eq 2021 | (and (eq (tolower name) 'x') (eq (year d) 2021))",
      "substringof('ab', concat(f, l))   | (substringof 'ab' (concat f l))",
  })
  void precedenceAndAssociativity(String filter, String expected) {
    assertThat(Sexpr.of(filter)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"eq", "ne", "gt", "ge", "lt", "le"})
  void everyComparisonOperator(String op) {
    assertThat(Sexpr.of("x " + op + " 1")).isEqualTo("(" + op + " x 1)");
  }

  @ParameterizedTest
  @CsvSource({"add", "sub", "mul", "div", "mod"})
  void everyArithmeticOperator(String op) {
    assertThat(Sexpr.of("x " + op + " 2 eq 3")).isEqualTo("(eq (" + op + " x 2) 3)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "substringof('a', s) | (substringof 'a' s)", "startswith(s, 'a') | (startswith s 'a')",
      "endswith(s, 'a')    | (endswith s 'a')", "indexof(s, 'a') eq 1 | (eq (indexof s 'a') 1)",
      "tolower(s) eq 'a'   | (eq (tolower s) 'a')", "toupper(s) eq 'A' | (eq (toupper s) 'A')",
      "length(s) gt 2      | (gt (length s) 2)", "trim(s) eq 'a' | (eq (trim s) 'a')",
      "concat(s, 'x') eq 'ax' | (eq (concat s 'x') 'ax')", "year(d) eq 2021 | (eq (year d) 2021)",
      "month(d) eq 3       | (eq (month d) 3)", "day(d) eq 17 | (eq (day d) 17)",
      "hour(t) eq 1        | (eq (hour t) 1)", "minute(t) eq 1 | (eq (minute t) 1)",
      "second(t) eq 1      | (eq (second t) 1)", "round(n) eq 1 | (eq (round n) 1)",
      "floor(n) eq 1       | (eq (floor n) 1)", "ceiling(n) eq 1 | (eq (ceiling n) 1)",
  })
  void everyFunction(String filter, String expected) {
    assertThat(Sexpr.of(filter)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "s eq 'O''Brien'                          | (eq s 'O''Brien')",
      "s eq ''                                  | (eq s '')",
      "s eq'x'and(n eq 1)                       | (and (eq s 'x') (eq n 1))",
      "s eq 'a and b eq ''c'''                  | (eq s 'a and b eq ''c''')",
      "n eq 42                                  | (eq n 42)",
      "n eq 42L                                 | (eq n 42)",
      "n eq 12.5                                | (eq n 12.5m)",
      "n eq 12.5M                               | (eq n 12.5m)",
      "n eq 12.5m                               | (eq n 12.5m)",
      "n eq 2d                                  | (eq n 2m)",
      "n eq 1e3                                 | (eq n 1000m)",
      "n eq 99999999999999999999                | (eq n 99999999999999999999m)",
      "b eq true or b eq false                  | (or (eq b true) (eq b false))",
      "s eq null                                | (eq s null)",
      "d ge datetime'2021-03-17'                | (ge d datetime'2021-03-17T00:00Z')",
      "d ge datetime'2021-03-17T00:00'          | (ge d datetime'2021-03-17T00:00Z')",
      "d ge datetime'2021-03-17T08:09:10'       | (ge d datetime'2021-03-17T08:09:10Z')",
      "d ge datetime'2021-03-17T08:09:10.5'     | (ge d datetime'2021-03-17T08:09:10.500Z')",
      "d ge DateTime'2021-03-17 08:09'          | (ge d datetime'2021-03-17T08:09Z')",
      "d ge datetimeoffset'2021-03-17T01:00:00+02:00' | (ge d datetime'2021-03-16T23:00Z')",
  })
  void literalForms(String filter, String expected) {
    assertThat(Sexpr.of(filter)).isEqualTo(expected);
  }

  @Test
  void positionsAreOneBasedCharacterOffsets() {
    FilterExpr.Binary and = (FilterExpr.Binary) FilterParser.parse("id eq 1 and  foo eq 'x'");
    assertThat(and.position()).isEqualTo(9);
    FilterExpr.Binary right = (FilterExpr.Binary) and.right();
    assertThat(right.left().position()).isEqualTo(14);
    assertThat(right.right().position()).isEqualTo(21);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "(a eq 1                | Malformed $filter: expected ')' to close '(' at position 1 but found end of input at position 8",
      "a eq 1)                | Malformed $filter: expected an operator or the end of the expression but found ')' at position 7",
      "a eq                   | Malformed $filter: expected a property, literal, function or '(' but found end of input at position 5",
      "a eq 1 and             | Malformed $filter: expected a property, literal, function or '(' but found end of input at position 11",
      "a eq eq 1              | Malformed $filter: expected a property, literal, function or '(' but found 'eq' at position 6",
      "a EQ 1                 | Malformed $filter: operators are lowercase in OData, use 'eq' instead of 'EQ' at position 3",
      "a eq 1 AND b eq 2      | Malformed $filter: operators are lowercase in OData, use 'and' instead of 'AND' at position 8",
      "a eq 1 b               | Malformed $filter: expected an operator or the end of the expression but found 'b' at position 8",
      "a eq 'abc              | Malformed $filter: unterminated string literal starting at position 6",
      "a eq 1 & b             | Malformed $filter: unexpected character '&' at position 8",
      "a eq 12abc             | Malformed $filter: invalid number '12abc' at position 6",
      "n eq 1e99999999999     | Number '1e99999999999' in $filter at position 6 is out of range",
      "n eq 1e1001            | Number '1e1001' in $filter at position 6 is out of range",
      "foo(a) eq 1            | Unknown function 'foo' in $filter at position 1",
      "ToLower(a) eq 'x'      | Unknown function 'ToLower' in $filter at position 1 (function names are lowercase in OData)",
      "tolower(a, b) eq 'x'   | Function 'tolower' takes 1 argument but got 2 in $filter at position 1",
      "substringof('x') eq 1  | Function 'substringof' takes 2 arguments but got 1 in $filter at position 1",
      "concat(a b) eq 'x'     | Malformed $filter: expected ',' or ')' in the arguments of concat but found 'b' at position 10",
      "Loans/id eq 1          | Navigation paths such as 'Loans/...' are not supported in $filter (position 1)",
      "g eq guid'abc'         | Unsupported literal type 'guid' in $filter at position 6 (supported: strings, numbers, true, false, null, datetime, datetimeoffset)",
      "d eq datetime'2021-02-30' | Malformed $filter: invalid datetime literal '2021-02-30' at position 6 (expected e.g. datetime'2021-03-17' or datetime'2021-03-17T00:00:00')",
      "d eq datetime'17/03/2021' | Malformed $filter: invalid datetime literal '17/03/2021' at position 6 (expected e.g. datetime'2021-03-17' or datetime'2021-03-17T00:00:00')",
  })
  void malformedInputNamesTheCulpritAndPosition(String filter, String message) {
    assertThatThrownBy(() -> FilterParser.parse(filter))
        .isInstanceOf(ODataQueryException.class).hasMessage(message);
  }

  @Test
  void emptyFilterIsRefused() {
    assertThatThrownBy(() -> FilterParser.parse("  "))
        .isInstanceOf(ODataQueryException.class).hasMessage("Malformed $filter: the expression is empty");
  }
}
