package org.openlms.app.api.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.security.ApiToken;
import org.openlms.app.security.IssuedToken;
import org.openlms.app.tenancy.Company;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDatabases;

/** JSON shapes of the admin API. Never a password or a stored token hash. */
final class AdminViews {

  private AdminViews() {}

  static Map<String, Object> company(Company c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("name", c.name());
    m.put("timeZone", c.timeZone().getId());
    m.put("created", ODataFormat.date(c.createdAt()));
    return m;
  }

  static Map<String, Object> tenant(Tenant t, TenantDatabases dbs, boolean poolOpen) {
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("dedicatedServer", !t.onControlServer());
    db.put("serverUrl", t.onControlServer() ? dbs.serverOf(t).baseUrl() : t.serverUrl());
    db.put("name", t.databaseName());
    db.put("user", t.onControlServer() ? dbs.serverOf(t).user() : t.databaseUser());
    db.put("poolOpen", poolOpen);
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("maxConnections", t.limits().maxConnections());
    limits.put("maxLoans", t.limits().maxLoans());
    limits.put("maxRules", t.limits().maxRules());
    limits.put("apiRequestsPerMinute", t.limits().apiRequestsPerMinute());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("companyId", t.companyId());
    m.put("kind", t.kind().code());
    m.put("status", t.status().code());
    m.put("statusDetail", t.statusDetail());
    m.put("database", db);
    m.put("limits", limits);
    m.put("schemaVersion", t.schemaVersion());
    m.put("migrated", ODataFormat.date(t.migratedAt()));
    m.put("created", ODataFormat.date(t.createdAt()));
    return m;
  }

  static Map<String, Object> token(ApiToken t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("tenantId", t.tenantId());
    m.put("prefix", t.prefix());
    m.put("label", t.label());
    m.put("portfolioIds", t.portfolioIds()); // null: unrestricted
    m.put("created", ODataFormat.date(t.createdAt()));
    m.put("revoked", ODataFormat.date(t.revokedAt()));
    return m;
  }

  static Map<String, Object> issued(IssuedToken t) {
    Map<String, Object> m = token(t.token());
    m.put("token", t.secret());
    return m;
  }
}
