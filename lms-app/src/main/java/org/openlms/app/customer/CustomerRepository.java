package org.openlms.app.customer;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers, their addresses and their loan links in a tenant database; the caller passes the JdbcClient. */
@Repository
public class CustomerRepository {

  /**
   * A customer row with its two addresses (columns {@code p_*} and {@code m_*}), as a FROM clause aliased
   * {@code customer}; {@link #map} reads it. The OData entity set is declared over the same SQL.
   */
  public static final String ENTITY = """
      (SELECT c.*, p.id AS p_id, p.address1 AS p_address1, p.address2 AS p_address2, p.city AS p_city,
          p.state AS p_state, p.zipcode AS p_zipcode, p.country AS p_country, m.id AS m_id,
          m.address1 AS m_address1, m.address2 AS m_address2, m.city AS m_city, m.state AS m_state,
          m.zipcode AS m_zipcode, m.country AS m_country
       FROM customer c
       LEFT JOIN customer_address p ON p.customer_id = c.id AND p.kind = 'primary'
       LEFT JOIN customer_address m ON m.customer_id = c.id AND m.kind = 'mail') AS customer""";

  private static final String COLUMNS = "customer_type, customer_id_type, custom_id, status, first_name, "
      + "middle_name, last_name, birth_date, gender, generation_code, email, ssn, driver_license, company_name, "
      + "contact_name, credit_limit, primary_phone, active";

  public long insert(JdbcClient db, Customer c) {
    long id = db.sql("INSERT INTO customer (" + COLUMNS + ") VALUES (?" + ", ?".repeat(17) + ") RETURNING id")
        .params(values(c)).query(Long.class).single();
    saveAddress(db, id, "primary", c.primaryAddress());
    saveAddress(db, id, "mail", c.mailAddress());
    return id;
  }

  public void update(JdbcClient db, long id, Customer c) {
    Object[] values = java.util.Arrays.copyOf(values(c), 19);
    values[18] = id;
    db.sql("UPDATE customer SET (" + COLUMNS + ") = (?" + ", ?".repeat(17) + "), last_update = now() WHERE id = ?")
        .params(values).update();
    saveAddress(db, id, "primary", c.primaryAddress());
    saveAddress(db, id, "mail", c.mailAddress());
  }

  private static Object[] values(Customer c) {
    return new Object[] {c.customerType(), c.customerIdType(), c.customId(), c.status(), c.firstName(),
        c.middleName(), c.lastName(), c.birthDate() == null ? null : Date.valueOf(c.birthDate()), c.gender(),
        c.generationCode(), c.email(), c.ssn(), c.driverLicense(), c.companyName(), c.contactName(),
        c.creditLimit(), c.primaryPhone(), c.active()};
  }

  private static void saveAddress(JdbcClient db, long customerId, String kind, Address a) {
    if (a == null) {
      return;
    }
    db.sql("""
            INSERT INTO customer_address (customer_id, kind, address1, address2, city, state, zipcode, country)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (customer_id, kind) DO UPDATE SET address1 = excluded.address1,
                address2 = excluded.address2, city = excluded.city, state = excluded.state,
                zipcode = excluded.zipcode, country = excluded.country""")
        .params(customerId, kind, a.address1(), a.address2(), a.city(), a.state(), a.zipcode(), a.country())
        .update();
  }

  public Optional<Customer> find(JdbcClient db, long id) {
    return db.sql("SELECT * FROM " + ENTITY + " WHERE id = ?").param(id).query(CustomerRepository::map).optional();
  }

  /** Locks the customer row: writers of one customer go one after another. */
  public boolean lock(JdbcClient db, long id) {
    return db.sql("SELECT id FROM customer WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional()
        .isPresent();
  }

  /** LoanPro refuses a second customer with the same SSN and birth date, even with __ignoreWarnings. */
  public boolean ssnAndBirthDateTaken(JdbcClient db, String ssn, java.time.LocalDate birthDate, long exceptId) {
    return db.sql("SELECT count(*) FROM customer WHERE ssn = ? AND birth_date = ? AND id <> ?")
        .params(ssn, Date.valueOf(birthDate), exceptId).query(Long.class).single() > 0;
  }

  /** The customers of a loan and their roles, in link order. */
  public Map<Long, CustomerRole> links(JdbcClient db, long loanId) {
    Map<Long, CustomerRole> out = new LinkedHashMap<>();
    db.sql("SELECT customer_id, role FROM loan_customer WHERE loan_id = ? ORDER BY created, customer_id")
        .param(loanId)
        .query((rs, n) -> out.put(rs.getLong(1), CustomerRole.fromCode(rs.getString(2)).orElseThrow()))
        .list();
    return out;
  }

  /** A customer as linked to a loan, with its role there. */
  public record Linked(Customer customer, CustomerRole role) {}

  /**
   * For each of {@code loanIds}, its first {@code limit} customers (by id) with their roles, in one query (a
   * LATERAL join per loan, using the link table's index).
   */
  public java.util.Map<Long, java.util.List<Linked>> customersOf(JdbcClient db, java.util.List<Long> loanIds,
      int limit) {
    return org.openlms.app.api.odata.ODataRows.perParent(db, loanIds, "customer.*, lc.role AS link_role FROM "
            + ENTITY + " JOIN loan_customer lc ON lc.customer_id = customer.id",
        new org.openlms.app.api.odata.query.SqlFragment("lc.loan_id = k.parent_id", java.util.List.of()),
        " ORDER BY customer.id", limit,
        (rs, n) -> new Linked(map(rs, n), CustomerRole.fromCode(rs.getString("link_role")).orElseThrow()));
  }

  /**
   * For each of {@code customerIds}, the ids of the first {@code limit} live loans it is linked to (by id) that
   * meet {@code within} (a condition on {@code lc.loan_id}, or null), in one query.
   */
  public java.util.Map<Long, java.util.List<Long>> loanIds(JdbcClient db, java.util.List<Long> customerIds,
      org.openlms.app.api.odata.query.SqlFragment within, int limit) {
    org.openlms.app.api.odata.query.SqlFragment where = new org.openlms.app.api.odata.query.SqlFragment(
        "lc.customer_id = k.parent_id AND NOT l.deleted", java.util.List.of());
    return org.openlms.app.api.odata.ODataRows.perParent(db, customerIds,
        "lc.loan_id FROM loan_customer lc JOIN loan l ON l.id = lc.loan_id",
        org.openlms.app.portfolio.PortfolioRestriction.and(where, within), " ORDER BY lc.loan_id", limit,
        (rs, n) -> rs.getLong("loan_id"));
  }

  public void link(JdbcClient db, long loanId, long customerId, CustomerRole role) {
    db.sql("""
            INSERT INTO loan_customer (loan_id, customer_id, role) VALUES (?, ?, ?)
            ON CONFLICT (loan_id, customer_id) DO UPDATE SET role = excluded.role""")
        .params(loanId, customerId, role.code()).update();
  }

  public boolean unlink(JdbcClient db, long loanId, long customerId) {
    return db.sql("DELETE FROM loan_customer WHERE loan_id = ? AND customer_id = ?").params(loanId, customerId)
        .update() > 0;
  }

  public static Customer map(ResultSet rs, int row) throws SQLException {
    Date birth = rs.getDate("birth_date");
    return new Customer(rs.getLong("id"), rs.getString("customer_type"), rs.getString("customer_id_type"),
        rs.getString("custom_id"), rs.getString("status"), rs.getString("first_name"),
        rs.getString("middle_name"), rs.getString("last_name"), birth == null ? null : birth.toLocalDate(),
        rs.getString("gender"), rs.getString("generation_code"), rs.getString("email"), rs.getString("ssn"),
        rs.getString("driver_license"), rs.getString("company_name"), rs.getString("contact_name"),
        rs.getBigDecimal("credit_limit"), rs.getString("primary_phone"), rs.getBoolean("active"),
        address(rs, "p_"), address(rs, "m_"), rs.getTimestamp("created").toInstant(),
        rs.getTimestamp("last_update").toInstant());
  }

  private static Address address(ResultSet rs, String prefix) throws SQLException {
    long id = rs.getLong(prefix + "id");
    if (rs.wasNull()) {
      return null;
    }
    return new Address(id, rs.getString(prefix + "address1"), rs.getString(prefix + "address2"),
        rs.getString(prefix + "city"), rs.getString(prefix + "state"), rs.getString(prefix + "zipcode"),
        rs.getString(prefix + "country"));
  }
}
