package org.openlms.app.portfolio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openlms.app.api.odata.query.SqlFragment;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.errors.NotFoundException;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checks a restricted caller passes before it reaches a loan or a customer. A loan or customer outside the
 * caller's portfolios answers exactly as a missing one ("Resource not found for the segment 'Loans'"), so a
 * restricted token learns nothing about what it cannot see. Unrestricted callers pass without a query.
 */
@Component
public class Restrictions {

  private final TenantTransactions tx;

  Restrictions(TenantTransactions tx) {
    this.tx = tx;
  }

  public void requireLoan(Tenant tenant, PortfolioRestriction r, long loanId) {
    if (r.restricted()) {
      requireLoan(tx.jdbc(tenant), r, loanId);
    }
  }

  /** In the caller's transaction, e.g. after the loan row is locked. */
  public void requireLoan(JdbcClient db, PortfolioRestriction r, long loanId) {
    if (r.restricted() && !holds(db, r.loans("CAST(? AS bigint)"), loanId)) {
      throw new NotFoundException("Loans");
    }
  }

  public void requireCustomer(Tenant tenant, PortfolioRestriction r, long customerId) {
    if (r.restricted() && !holds(tx.jdbc(tenant), r.customers("CAST(? AS bigint)"), customerId)) {
      throw new NotFoundException("Customers");
    }
  }

  /**
   * A restricted caller may link a customer it can see, or one linked to no live loan yet (just created);
   * a customer of other portfolios' loans is answered as missing.
   */
  public void requireLinkableCustomer(JdbcClient db, PortfolioRestriction r, long customerId) {
    if (!r.restricted() || holds(db, r.customers("CAST(? AS bigint)"), customerId)) {
      return;
    }
    boolean attached = db.sql("""
            SELECT EXISTS (SELECT 1 FROM loan_customer lc JOIN loan l ON l.id = lc.loan_id
                           WHERE lc.customer_id = ? AND NOT l.deleted)""")
        .param(customerId).query(Boolean.class).single();
    if (attached) {
      throw new NotFoundException("Customers");
    }
  }

  /** After a change of a loan's portfolios by a restricted caller: the loan must stay within its reach. */
  public void requireStillReachable(JdbcClient db, PortfolioRestriction r, long loanId) {
    if (r.restricted() && !holds(db, r.loans("CAST(? AS bigint)"), loanId)) {
      throw new InvalidInputException("Portfolios: the loan must stay in at least one of this token's portfolios ("
          + r.describe() + ")");
    }
  }

  /** Those of {@code loanIds} the caller may see, in their order. */
  public List<Long> visibleLoans(Tenant tenant, PortfolioRestriction r, Collection<Long> loanIds) {
    if (!r.restricted() || loanIds.isEmpty()) {
      return List.copyOf(loanIds);
    }
    List<Long> visible = tx.jdbc(tenant).sql("SELECT loan_id FROM loan_portfolio WHERE loan_id = ANY(?) "
            + "AND portfolio_id = ANY(?)").params(loanIds.toArray(Long[]::new), r.portfolioIds().toArray(Long[]::new))
        .query(Long.class).list();
    List<Long> out = new ArrayList<>();
    loanIds.stream().filter(visible::contains).distinct().forEach(out::add);
    return out;
  }

  private static boolean holds(JdbcClient db, SqlFragment condition, long id) {
    List<Object> params = new ArrayList<>();
    params.add(id);
    params.addAll(condition.params());
    return db.sql("SELECT " + condition.sql()).params(params).query(Boolean.class).single();
  }
}
