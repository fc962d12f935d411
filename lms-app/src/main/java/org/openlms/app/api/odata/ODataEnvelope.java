package org.openlms.app.api.odata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.api.odata.query.QueryPlan;

/** LoanPro's success envelopes: {@code {"d": {...}}} and {@code {"d": {"results": [...], "summary": {...}}}}. */
public final class ODataEnvelope {

  private ODataEnvelope() {}

  public static Map<String, Object> single(Object entity) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("d", entity);
    return m;
  }

  public static Map<String, Object> collection(List<?> results, QueryPlan.PageSummary page) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("start", page.start());
    summary.put("pageSize", page.pageSize());
    summary.put("total", page.total());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("results", results);
    d.put("summary", summary);
    return single(d);
  }
}
