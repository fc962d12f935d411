package org.openlms.app.tenancy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Companies in the control database. */
@Repository
public class CompanyRepository {

  private final JdbcClient jdbc;

  CompanyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Company insert(String name, ZoneId zone) {
    return jdbc.sql("INSERT INTO company (name, time_zone) VALUES (?, ?) RETURNING *")
        .params(name, zone.getId())
        .query(CompanyRepository::map)
        .single();
  }

  public Optional<Company> find(long id) {
    return jdbc.sql("SELECT * FROM company WHERE id = ?").param(id).query(CompanyRepository::map).optional();
  }

  public List<Company> list() {
    return jdbc.sql("SELECT * FROM company ORDER BY id").query(CompanyRepository::map).list();
  }

  public long count() {
    return jdbc.sql("SELECT count(*) FROM company").query(Long.class).single();
  }

  private static Company map(ResultSet rs, int row) throws SQLException {
    return new Company(rs.getLong("id"), rs.getString("name"), ZoneId.of(rs.getString("time_zone")),
        rs.getTimestamp("created_at").toInstant());
  }
}
