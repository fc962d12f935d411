package org.openlms.app.loan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.openlms.engine.fees.Charge;

/** A charge on a loan with its type's code; a reversed one is kept with {@code active} false. */
public record ChargeRecord(long id, long loanId, LocalDate date, BigDecimal amount, String info, int chargeTypeId,
    String typeCode, String chargeApplicationType, boolean interestBearing, boolean active, String editComment,
    Instant reversed, Instant created) {

  /** The columns {@link #map} reads: loan_charge joined to its type (aliased {@code t}). */
  public static final String SELECT = """
      SELECT c.*, t.code AS type_code FROM loan_charge c JOIN charge_type t ON t.id = c.charge_type_id""";

  public static ChargeRecord map(ResultSet rs, int row) throws SQLException {
    Timestamp reversed = rs.getTimestamp("reversed");
    return new ChargeRecord(rs.getLong("id"), rs.getLong("loan_id"), rs.getDate("date").toLocalDate(),
        rs.getBigDecimal("amount"), rs.getString("info"), rs.getInt("charge_type_id"), rs.getString("type_code"),
        rs.getString("charge_application_type"), rs.getBoolean("interest_bearing"), rs.getBoolean("active"),
        rs.getString("edit_comment"), reversed == null ? null : reversed.toInstant(),
        rs.getTimestamp("created").toInstant());
  }

  public Charge engine() {
    return new Charge(id, date, amount, typeCode);
  }
}
