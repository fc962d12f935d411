package org.openlms.app.api.odata.loans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openlms.app.api.ODataFormat;

/** A loan's custom field value as LoanPro answers it (a CustomFieldValue of Entity.LoanSettings). */
final class CustomFieldValueJson {

  private CustomFieldValueJson() {}

  static Map<String, Object> view(ResultSet rs, String base) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    long id = rs.getLong("id");
    m.put("__metadata", Map.of("uri", base + "CustomFieldValues(id=" + id + ")", "type", "Entity.CustomFieldValue"));
    m.put("id", id);
    m.put("entityId", rs.getLong("loan_id"));
    m.put("entityType", "Entity.LoanSettings");
    m.put("customFieldId", rs.getLong("custom_field_id"));
    m.put("customFieldName", rs.getString("field_name"));
    m.put("customFieldType", rs.getString("field_type"));
    m.put("customFieldValue", rs.getString("value"));
    m.put("lastUpdate", ODataFormat.date(rs.getTimestamp("last_update").toInstant()));
    return m;
  }
}
