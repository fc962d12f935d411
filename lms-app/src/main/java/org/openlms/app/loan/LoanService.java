package org.openlms.app.loan;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.api.odata.query.QueryPlan;
import org.openlms.app.api.odata.query.SqlFragment;
import org.openlms.app.api.odata.ODataRows;
import org.openlms.app.audit.AuditLog;
import org.openlms.app.customfield.CustomFieldValues;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.errors.NotFoundException;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Creating, changing, activating and deleting loans of one tenant. Each call is one transaction with its
 * audit row; the loan row is locked first, so concurrent writers of a loan go one after another.
 */
@Service
public class LoanService {

  private final TenantTransactions tx;
  private final LoanRepository loans;
  private final AuditLog audit;
  private final Clock clock;
  private final LoanServicing servicing;
  private final TenantService tenants;

  LoanService(TenantTransactions tx, LoanRepository loans, AuditLog audit, Clock clock, LoanServicing servicing,
      TenantService tenants) {
    this.tx = tx;
    this.loans = loans;
    this.audit = audit;
    this.clock = clock;
    this.servicing = servicing;
    this.tenants = tenants;
  }

  public long create(Tenant tenant, LoanChanges c, String actor) {
    if (c.setup() == null) {
      throw new InvalidInputException("LoanSetup is required to create a loan");
    }
    if (c.displayId() == null || c.displayId().isBlank()) {
      throw new InvalidInputException("displayId is required");
    }
    return tx.inTransaction(tenant, db -> {
      requireFreeDisplayId(db, c.displayId(), -1);
      long id = loans.insert(db, c, c.settings() == null ? LoanSettings.defaults() : c.settings());
      servicing.initialize(db, id, c.setup());
      CustomFieldValues.apply(db, id, c.customFieldValues());
      if (Boolean.TRUE.equals(c.activate())) {
        servicing.bringForward(db, id, tenants.businessDate(tenant));
      }
      audit.record(db, actor, "Loan", id, "create", summary(c));
      return id;
    });
  }

  public void update(Tenant tenant, long id, LoanChanges c, String actor) {
    tx.inTransaction(tenant, db -> {
      Loan loan = loans.lock(db, id).orElseThrow(() -> new NotFoundException("Loans"));
      if (c.setup() != null) {
        if (loan.setupActive()) {
          throw new InvalidInputException("LoanSetup can't be updated while the loan is activated");
        }
        loans.updateSetup(db, id, c.setup());
        servicing.initialize(db, id, c.setup());
      }
      if (c.settings() != null) {
        loans.updateSettings(db, id, c.settings());
      }
      CustomFieldValues.apply(db, id, c.customFieldValues());
      if (c.displayId() != null && !c.displayId().equals(loan.displayId())) {
        requireFreeDisplayId(db, c.displayId(), id);
      }
      loans.updateLoan(db, new Loan(id, c.displayId() != null ? c.displayId() : loan.displayId(),
          c.title() != null ? c.title() : loan.title(),
          c.activate() != null ? c.activate() || loan.setupActive() : loan.setupActive(),
          c.archived() != null ? c.archived() : loan.archived(),
          c.temporaryAccount() != null ? c.temporaryAccount() : loan.temporaryAccount(),
          false, null, loan.lastMaintainedDate(), loan.modId(),
          c.loanAlert() != null ? c.loanAlert() : loan.loanAlert(), loan.created(), loan.lastUpdate()));
      if (Boolean.TRUE.equals(c.activate()) && !loan.setupActive()) {
        // Activation brings the loan to today; from tomorrow on, daily maintenance moves it a day a night.
        servicing.bringForward(db, id, tenants.businessDate(tenant));
      }
      audit.record(db, actor, "Loan", id, "update", summary(c));
      return null;
    });
  }

  public void activate(Tenant tenant, long id, String actor) {
    update(tenant, id, new LoanChanges(null, null, null, null, true, null, null, null, null), actor);
  }

  /** Soft delete, as LoanPro: the loan disappears from the API and from maintenance. Archived loans stay. */
  public void delete(Tenant tenant, long id, String actor) {
    tx.inTransaction(tenant, db -> {
      Loan l = loans.lock(db, id).orElseThrow(() -> new NotFoundException("Loans"));
      if (l.archived()) {
        throw new InvalidInputException("An archived loan can't be deleted; unarchive it first");
      }
      loans.updateLoan(db, new Loan(id, l.displayId(), l.title(), l.setupActive(), false, l.temporaryAccount(),
          true, clock.instant(), l.lastMaintainedDate(), l.modId(), l.loanAlert(), l.created(), l.lastUpdate()));
      audit.record(db, actor, "Loan", id, "delete", Map.of());
      return null;
    });
  }

  /** The live loan with this displayId, if any. */
  public Long idByDisplayId(Tenant tenant, String displayId) {
    return tx.jdbc(tenant).sql("SELECT id FROM loan WHERE display_id = ? AND NOT deleted").param(displayId)
        .query(Long.class).optional().orElse(null);
  }

  public LoanView get(Tenant tenant, long id) {
    return loans.view(tx.jdbc(tenant), id).orElseThrow(() -> new NotFoundException("Loans"));
  }

  /** The live loans among {@code ids}, by id, read in one query. */
  public Map<Long, LoanView> getAll(Tenant tenant, java.util.Collection<Long> ids) {
    return ids.isEmpty() ? Map.of() : loans.views(tx.jdbc(tenant), ids);
  }

  /**
   * Ids of the loans a validated OData plan selects, in its order and page, among those {@code within} selects
   * (a condition on {@code id}, e.g. a caller's portfolio restriction; null for all).
   */
  public List<Long> find(Tenant tenant, QueryPlan plan, SqlFragment within) {
    return ODataRows.query(tx.jdbc(tenant), plan, within, (rs, n) -> rs.getLong("id"));
  }

  /** {@code summary.total} for a page of {@code rows} loans (counted only when the page cannot tell). */
  public long total(Tenant tenant, QueryPlan plan, SqlFragment within, int rows) {
    return ODataRows.total(tx.jdbc(tenant), plan, within, rows);
  }

  private void requireFreeDisplayId(JdbcClient db, String displayId, long exceptId) {
    if (loans.displayIdTaken(db, displayId, exceptId)) {
      throw new InvalidInputException("displayId '" + displayId + "' is already used by another loan");
    }
  }

  private static Map<String, Object> summary(LoanChanges c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("displayId", c.displayId());
    m.put("setupChanged", c.setup() != null);
    m.put("settingsChanged", c.settings() != null);
    if (c.customFieldValues() != null && !c.customFieldValues().isEmpty()) {
      m.put("customFields", c.customFieldValues().stream().map(CustomFieldValues.Change::customFieldId).toList());
    }
    m.put("activate", c.activate());
    m.put("archived", c.archived());
    m.put("temporaryAccount", c.temporaryAccount());
    return m;
  }

  /**
   * A loan with its setup and settings, as the API reads it, and the titles of its status and sub-status in
   * the tenant's configuration (null when the loan has none, or an id the tenant has not configured).
   */
  public record LoanView(Loan loan, LoanSetup setup, LoanSettings settings, String loanStatusText,
      String loanSubStatusText) {}
}
