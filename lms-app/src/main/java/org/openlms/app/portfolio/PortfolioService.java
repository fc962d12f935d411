package org.openlms.app.portfolio;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.openlms.app.audit.AuditLog;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.errors.NotFoundException;
import org.openlms.app.loan.LoanRepository;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Creating and changing portfolios and sub-portfolios, and linking loans to them from the API; each call one
 * transaction (or the caller's) with its audit row. Portfolios are tenant configuration: only an unrestricted
 * token changes them, and a restricted token sees only its own (others answer as missing).
 */
@Service
public class PortfolioService {

  private final TenantTransactions tx;
  private final PortfolioRepository portfolios;
  private final LoanRepository loans;
  private final Restrictions restrictions;
  private final AuditLog audit;

  PortfolioService(TenantTransactions tx, PortfolioRepository portfolios, LoanRepository loans,
      Restrictions restrictions, AuditLog audit) {
    this.tx = tx;
    this.portfolios = portfolios;
    this.loans = loans;
    this.restrictions = restrictions;
    this.audit = audit;
  }

  /** A nested sub-portfolio in a portfolio payload: a new one ({@code id} null) or a change of an existing one. */
  public record SubChange(Long id, String title, Boolean active) {}

  public long create(Tenant tenant, PortfolioRestriction r, Portfolio p, List<SubChange> subs, String actor) {
    requireUnrestricted(r);
    return tx.inTransaction(tenant, db -> {
      long id = portfolios.insert(db, p);
      audit.record(db, actor, "Portfolio", id, "create", Map.of("title", p.title()));
      applySubs(db, id, subs, actor);
      return id;
    });
  }

  /** Applies {@code change} to the portfolio as it is now, under its row lock. */
  public void update(Tenant tenant, PortfolioRestriction r, long id, UnaryOperator<Portfolio> change,
      List<SubChange> subs, String actor) {
    get(tenant, r, id);
    requireUnrestricted(r);
    tx.inTransaction(tenant, db -> {
      Portfolio current = portfolios.lock(db, id).orElseThrow(() -> new NotFoundException("Portfolios"));
      Portfolio p = change.apply(current);
      portfolios.update(db, p);
      audit.record(db, actor, "Portfolio", id, "update", Map.of("title", p.title(), "active", p.active()));
      applySubs(db, id, subs, actor);
      return null;
    });
  }

  public Portfolio get(Tenant tenant, PortfolioRestriction r, long id) {
    if (!r.allowsPortfolio(id)) {
      throw new NotFoundException("Portfolios");
    }
    return portfolios.find(tx.jdbc(tenant), id).orElseThrow(() -> new NotFoundException("Portfolios"));
  }

  public long createSub(Tenant tenant, PortfolioRestriction r, long parent, String title, boolean active,
      String actor) {
    requireUnrestricted(r);
    return tx.inTransaction(tenant, db -> {
      portfolios.lock(db, parent).orElseThrow(() -> new InvalidInputException(
          "SubPortfolio.parent: portfolio " + parent + " does not exist"));
      return insertSub(db, parent, title, active, actor);
    });
  }

  public void updateSub(Tenant tenant, PortfolioRestriction r, long id, UnaryOperator<SubPortfolio> change,
      String actor) {
    SubPortfolio current = getSub(tenant, r, id);
    requireUnrestricted(r);
    tx.inTransaction(tenant, db -> {
      portfolios.lock(db, current.parent());
      SubPortfolio s = change.apply(portfolios.findSub(db, id).orElseThrow());
      if (s.parent() != current.parent()) {
        throw new InvalidInputException("SubPortfolio.parent can't be changed; create a sub-portfolio under the "
            + "other portfolio instead");
      }
      portfolios.updateSub(db, s);
      audit.record(db, actor, "SubPortfolio", id, "update", Map.of("title", s.title(), "active", s.active()));
      return null;
    });
  }

  public SubPortfolio getSub(Tenant tenant, PortfolioRestriction r, long id) {
    SubPortfolio s = portfolios.findSub(tx.jdbc(tenant), id).orElseThrow(() -> new NotFoundException("SubPortfolios"));
    if (!r.allowsPortfolio(s.parent())) {
      throw new NotFoundException("SubPortfolios");
    }
    return s;
  }

  /** Which of {@code ids} are missing from the tenant's portfolios (for restricting a new token). */
  public List<Long> missing(Tenant tenant, List<Long> ids) {
    List<Long> found = portfolios.existing(tx.jdbc(tenant), ids);
    return ids.stream().filter(id -> !found.contains(id)).distinct().toList();
  }

  /**
   * Links and unlinks a loan's portfolios and sub-portfolios ({@code "__destroy":true} unlinks), joining the
   * caller's transaction. Unlinks go first. A restricted caller reaches only its own portfolios (others are
   * answered as missing) and must leave the loan in at least one of them.
   */
  public void link(Tenant tenant, PortfolioRestriction r, long loanId, List<PortfolioLink> toPortfolios,
      List<PortfolioLink> toSubs, String actor) {
    distinct(toPortfolios, "Portfolios");
    distinct(toSubs, "SubPortfolios");
    tx.inTransaction(tenant, db -> {
      loans.lock(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
      // Unlinks first (sub-portfolios, then portfolios), then links (portfolios, then sub-portfolios).
      toSubs.stream().filter(PortfolioLink::destroy).forEach(l -> linkSub(db, r, loanId, l, actor));
      toPortfolios.stream().filter(PortfolioLink::destroy).forEach(l -> linkPortfolio(db, r, loanId, l, actor));
      toPortfolios.stream().filter(l -> !l.destroy()).forEach(l -> linkPortfolio(db, r, loanId, l, actor));
      toSubs.stream().filter(l -> !l.destroy()).forEach(l -> linkSub(db, r, loanId, l, actor));
      restrictions.requireStillReachable(db, r, loanId);
      return null;
    });
  }

  /**
   * Places a loan a restricted caller just created: in the portfolios it named, or, when it named none, in
   * the caller's only portfolio. A caller restricted to several portfolios must name at least one.
   */
  public void placeNewLoan(Tenant tenant, PortfolioRestriction r, long loanId, List<PortfolioLink> toPortfolios,
      List<PortfolioLink> toSubs, String actor) {
    List<PortfolioLink> named = toPortfolios;
    if (r.restricted() && toPortfolios.isEmpty() && toSubs.isEmpty()) {
      if (r.portfolioIds().size() > 1) {
        throw new InvalidInputException("Portfolios: this token is restricted to portfolios " + r.describe()
            + "; name at least one of them to create a loan");
      }
      named = List.of(new PortfolioLink(r.portfolioIds().get(0), false));
    }
    if (!named.isEmpty() || !toSubs.isEmpty()) {
      link(tenant, r, loanId, named, toSubs, actor);
    }
  }

  private void linkPortfolio(JdbcClient db, PortfolioRestriction r, long loanId, PortfolioLink l, String actor) {
    if (!r.allowsPortfolio(l.id()) || portfolios.find(db, l.id()).isEmpty()) {
      throw new InvalidInputException("Portfolios: portfolio " + l.id() + " does not exist");
    }
    if (l.destroy()) {
      List<Long> subs = portfolios.subLinks(db, loanId, l.id());
      if (!PortfolioMembership.remove(db, loanId, l.id())) {
        throw new InvalidInputException("Portfolios: portfolio " + l.id() + " is not linked to this loan");
      }
      audit.record(db, actor, "Loan", loanId, "unlinkPortfolio", Map.of("portfolioId", l.id(),
          "subPortfolioIds", subs));
    } else if (PortfolioMembership.add(db, loanId, l.id())) {
      audit.record(db, actor, "Loan", loanId, "linkPortfolio", Map.of("portfolioId", l.id()));
    }
  }

  private void linkSub(JdbcClient db, PortfolioRestriction r, long loanId, PortfolioLink l, String actor) {
    SubPortfolio s = portfolios.findSub(db, l.id()).filter(x -> r.allowsPortfolio(x.parent()))
        .orElseThrow(() -> new InvalidInputException("SubPortfolios: sub-portfolio " + l.id() + " does not exist"));
    if (l.destroy()) {
      if (!PortfolioMembership.removeSub(db, loanId, s.id())) {
        throw new InvalidInputException("SubPortfolios: sub-portfolio " + l.id() + " is not linked to this loan");
      }
      audit.record(db, actor, "Loan", loanId, "unlinkSubPortfolio", Map.of("subPortfolioId", s.id()));
    } else if (PortfolioMembership.addSub(db, loanId, s.id())) {
      audit.record(db, actor, "Loan", loanId, "linkSubPortfolio",
          Map.of("subPortfolioId", s.id(), "portfolioId", s.parent()));
    }
  }

  private void applySubs(JdbcClient db, long portfolioId, List<SubChange> subs, String actor) {
    for (SubChange c : subs) {
      if (c.id() == null) {
        insertSub(db, portfolioId, c.title(), c.active() == null || c.active(), actor);
        continue;
      }
      SubPortfolio s = portfolios.findSub(db, c.id()).filter(x -> x.parent() == portfolioId).orElseThrow(() ->
          new InvalidInputException("SubPortfolios: sub-portfolio " + c.id() + " is not one of this portfolio's"));
      SubPortfolio changed = new SubPortfolio(s.id(), s.parent(), c.title() != null ? c.title() : s.title(),
          c.active() != null ? c.active() : s.active(), s.created());
      portfolios.updateSub(db, changed);
      audit.record(db, actor, "SubPortfolio", s.id(), "update",
          Map.of("title", changed.title(), "active", changed.active()));
    }
  }

  private long insertSub(JdbcClient db, long parent, String title, boolean active, String actor) {
    if (title == null || title.isBlank()) {
      throw new InvalidInputException("SubPortfolio.title is required");
    }
    long id = portfolios.insertSub(db, new SubPortfolio(0, parent, title.strip(), active, null));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("parent", parent);
    detail.put("title", title.strip());
    audit.record(db, actor, "SubPortfolio", id, "create", detail);
    return id;
  }

  private static void requireUnrestricted(PortfolioRestriction r) {
    if (r.restricted()) {
      throw new InvalidInputException("Portfolios are tenant configuration: only an unrestricted token can create "
          + "or change them (this token is restricted to portfolios " + r.describe() + ")");
    }
  }

  private static void distinct(List<PortfolioLink> links, String what) {
    Set<Long> seen = new HashSet<>();
    for (PortfolioLink l : links) {
      if (!seen.add(l.id())) {
        throw new InvalidInputException(what + ": " + l.id() + " is given more than once");
      }
    }
  }
}
