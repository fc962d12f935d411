package org.openlms.app.api.odata.loans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.api.odata.ODataEntitySets;
import org.openlms.app.api.odata.ODataEnvelope;
import org.openlms.app.api.odata.ODataRows;
import org.openlms.app.api.odata.ODataSelect;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.openlms.app.api.odata.query.QueryPlan;
import org.openlms.app.api.odata.query.SqlFragment;
import org.openlms.app.loan.LoanService;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.openlms.app.portfolio.Restrictions;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loans' custom field values: {@code odata.svc/CustomFieldValues} (every live loan's, a restricted token only its
 * portfolios') and a loan's own as its LoanSettings navigation, {@code LoanSettings(id=N)/CustomFieldValues}.
 * They are written through {@code PUT Loans(id)} with {@code LoanSettings.customFieldValues}.
 */
@RestController
@RequestMapping("/api/public/api/1/odata.svc")
class CustomFieldValuesController {

  private final TenantTransactions tx;
  private final ODataEntitySets sets;
  private final LoanService loans;
  private final Restrictions restrictions;

  CustomFieldValuesController(TenantTransactions tx, ODataEntitySets sets, LoanService loans,
      Restrictions restrictions) {
    this.tx = tx;
    this.sets = sets;
    this.loans = loans;
    this.restrictions = restrictions;
  }

  @GetMapping({"/CustomFieldValues", "/CustomFieldValues()"})
  Map<String, Object> all(Tenant tenant, PortfolioRestriction r, ODataQueryOptions options) {
    return page(tenant, options, r.loans("loan_id"));
  }

  @GetMapping({"/LoanSettings({id})/CustomFieldValues", "/LoanSettings(id={id})/CustomFieldValues"})
  Map<String, Object> ofLoan(Tenant tenant, PortfolioRestriction r, @PathVariable long id, ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    loans.get(tenant, id);
    return page(tenant, options, new SqlFragment("loan_id = ?", List.of(id)));
  }

  private Map<String, Object> page(Tenant tenant, ODataQueryOptions options, SqlFragment fixed) {
    QueryPlan plan = sets.plan("CustomFieldValues", options);
    JdbcClient db = tx.jdbc(tenant);
    String base = LoansController.base();
    List<Map<String, Object>> rows = ODataRows.query(db, plan, fixed, (rs, n) -> view(rs, base)).stream()
        .map(row -> ODataSelect.apply(row, plan)).toList();
    return ODataEnvelope.collection(rows, plan.summary(ODataRows.total(db, plan, fixed, rows.size())));
  }

  private static Map<String, Object> view(ResultSet rs, String base) throws SQLException {
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
