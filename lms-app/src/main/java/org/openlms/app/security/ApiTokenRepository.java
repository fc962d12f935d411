package org.openlms.app.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens in the control database, stored by hash. */
@Repository
class ApiTokenRepository {

  private final JdbcClient jdbc;

  ApiTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  ApiToken insert(long tenantId, byte[] hash, String prefix, String label, List<Long> portfolioIds) {
    return jdbc.sql("INSERT INTO api_token (tenant_id, token_hash, prefix, label, portfolio_ids) "
            + "VALUES (?, ?, ?, ?, ?) RETURNING *")
        .params(tenantId, hash, prefix, label, portfolioIds == null ? null : portfolioIds.toArray(Long[]::new))
        .query(ApiTokenRepository::map).single();
  }

  Optional<ApiToken> findActiveByHash(byte[] hash) {
    return jdbc.sql("SELECT * FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")
        .param(hash).query(ApiTokenRepository::map).optional();
  }

  Optional<ApiToken> findByHash(byte[] hash) {
    return jdbc.sql("SELECT * FROM api_token WHERE token_hash = ?").param(hash).query(ApiTokenRepository::map)
        .optional();
  }

  Optional<ApiToken> find(long id) {
    return jdbc.sql("SELECT * FROM api_token WHERE id = ?").param(id).query(ApiTokenRepository::map).optional();
  }

  List<ApiToken> listOfTenant(long tenantId) {
    return jdbc.sql("SELECT * FROM api_token WHERE tenant_id = ? ORDER BY id").param(tenantId)
        .query(ApiTokenRepository::map).list();
  }

  void revoke(long id) {
    jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL").param(id).update();
  }

  private static ApiToken map(ResultSet rs, int row) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    Array portfolios = rs.getArray("portfolio_ids");
    return new ApiToken(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("prefix"), rs.getString("label"),
        rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant(),
        portfolios == null ? null : List.of((Long[]) portfolios.getArray()));
  }
}
