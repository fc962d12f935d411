package org.openlms.app.api.odata.query;

/**
 * Bounds on what one request may ask for. They refuse hostile input with a clear message instead of letting
 * it cost CPU, stack or database time.
 *
 * @param maxFilterLength characters of {@code $filter}; 50 ORed ids (LoanPro clients batch that many) fit easily
 * @param maxFilterDepth  nesting of parentheses, function calls and unary operators
 * @param defaultTop      page size when {@code $top} is absent (LoanPro: 50)
 * @param maxTop          largest {@code $top} accepted
 * @param maxExpandPaths  number of comma-separated {@code $expand} paths
 * @param maxExpandDepth  segments in one {@code $expand} path
 */
public record QueryLimits(int maxFilterLength, int maxFilterDepth, int defaultTop, int maxTop,
    int maxExpandPaths, int maxExpandDepth) {
  public static final QueryLimits DEFAULT = new QueryLimits(2_000, 50, 50, 1_000, 20, 4);

  public QueryLimits {
    if (maxFilterLength < 1 || maxFilterDepth < 1 || defaultTop < 0 || maxTop < defaultTop
        || maxExpandPaths < 0 || maxExpandDepth < 1) {
      throw new IllegalArgumentException("Inconsistent query limits");
    }
  }
}
