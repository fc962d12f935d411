package org.openlms.app.api.odata.loans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.api.odata.ODataEntitySets;
import org.openlms.app.api.odata.ODataEnvelope;
import org.openlms.app.api.odata.ODataRows;
import org.openlms.app.api.odata.ODataSelect;
import org.springframework.jdbc.core.RowMapper;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.openlms.app.api.odata.query.QueryPlan;
import org.openlms.app.api.odata.query.SqlFragment;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.openlms.app.portfolio.Restrictions;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.loan.ChargeRecord;
import org.openlms.app.loan.LoanService;
import org.openlms.app.loan.LoanTransaction;
import org.openlms.app.loan.LoanServicing;
import org.openlms.app.loan.ServicingRepository;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantTransactions;
import org.openlms.engine.state.StatusSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * What servicing produced: Payments, Charges, Transactions, adjustments, custom field values and the StatusArchive (as entity sets and as loan navigations, with
 * OData options), and the actions {@code Autopal.GetStatus(date)} and {@code Autopal.GetLoanPayoff(date)}.
 */
@RestController
@RequestMapping("/api/public/api/1")
class LoanServicingController implements LoanNavigations {

  private final TenantTransactions tx;
  private final ODataEntitySets sets;
  private final LoanService loans;
  private final LoanServicing servicing;
  private final Restrictions restrictions;

  LoanServicingController(TenantTransactions tx, ODataEntitySets sets, LoanService loans, LoanServicing servicing,
      Restrictions restrictions) {
    this.restrictions = restrictions;
    this.tx = tx;
    this.sets = sets;
    this.loans = loans;
    this.servicing = servicing;
  }

  @Override
  public java.util.Set<String> names() {
    return java.util.Set.of("StatusArchive", "Payments", "Charges", "Transactions");
  }

  @Override
  public Map<String, Object> page(String name, Tenant tenant, PortfolioRestriction r, long loanId,
      ODataQueryOptions options) {
    return switch (name) {
      case "StatusArchive" -> loanArchive(tenant, r, loanId, options);
      case "Payments" -> loanPayments(tenant, r, loanId, options);
      case "Charges" -> loanCharges(tenant, r, loanId, options);
      default -> transactions(tenant, r, loanId, options);
    };
  }

  /**
   * StatusArchive, Payments and Charges of the loans being expanded: one query for the first rows of every loan
   * (a LATERAL join per loan id, each using the loan's index), without a count or a second read of the loans.
   */
  @Override
  public Map<Long, List<?>> expand(String name, Tenant tenant, PortfolioRestriction r, List<Long> loanIds,
      int limit, String nested) {
    java.util.function.Function<String, RowMapper<?>> view = switch (name) {
      case "StatusArchive" -> ArchiveJson::rows; // streamed: 50 rows of 30 fields are most of an expanded loan
      case "Payments" -> LoanServicingController::paymentRow;
      case "Charges" -> LoanServicingController::chargeRow;
      default -> null;
    };
    if (view == null) {
      return LoanNavigations.super.expand(name, tenant, r, loanIds, limit, nested);
    }
    String set = switch (name) {
      case "StatusArchive" -> "LoanStatusArchive";
      case "Charges" -> "LoanCharges";
      default -> name;
    };
    QueryPlan plan = sets.plan(set, ODataQueryOptions.NONE);
    String columns = name.equals("StatusArchive") ? ArchiveJson.SELECT : "*";
    return new LinkedHashMap<>(ODataRows.perParent(tx.jdbc(tenant), loanIds, columns + " FROM " + plan.entity().from(),
        new SqlFragment("loan_id = k.parent_id", List.of()), plan.orderByClause(), limit + 1,
        view.apply(LoansController.base())));
  }

  private static RowMapper<Map<String, Object>> archiveRow(String base) {
    return (rs, n) -> ArchiveJson.view(rs.getLong("loan_id"), ServicingRepository.snapshot(rs, n), base);
  }

  private static RowMapper<Map<String, Object>> paymentRow(String base) {
    return (rs, n) -> PaymentJson.view(ServicingRepository.payment(rs, n), base);
  }

  private static RowMapper<Map<String, Object>> chargeRow(String base) {
    return (rs, n) -> ChargeJson.view(ChargeRecord.map(rs, n), base);
  }

  @RequestMapping(path = {"/odata.svc/Payments", "/odata.svc/Payments()"}, method = RequestMethod.GET)
  Map<String, Object> payments(Tenant tenant, PortfolioRestriction r, ODataQueryOptions options) {
    return payments(tenant, options, r.loans("loan_id"));
  }

  @RequestMapping(path = "/odata.svc/Loans({id})/Payments", method = RequestMethod.GET)
  Map<String, Object> loanPayments(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    loans.get(tenant, id);
    return payments(tenant, options, new SqlFragment("loan_id = ?", List.of(id)));
  }

  private Map<String, Object> payments(Tenant tenant, ODataQueryOptions options, SqlFragment fixed) {
    return collection(tenant, "Payments", options, fixed, LoanServicingController::paymentRow);
  }

  @RequestMapping(path = "/odata.svc/Loans({id})/Charges", method = RequestMethod.GET)
  Map<String, Object> loanCharges(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    loans.get(tenant, id);
    return collection(tenant, "LoanCharges", options, new SqlFragment("loan_id = ?", List.of(id)),
        LoanServicingController::chargeRow);
  }

  /**
   * Loans' custom field values: every live loan's (a restricted token's portfolios'), or one loan's as its
   * LoanSettings navigation. They are written through {@code PUT Loans(id)} with {@code LoanSettings.customFieldValues}.
   */
  @RequestMapping(path = {"/odata.svc/CustomFieldValues", "/odata.svc/CustomFieldValues()"}, method = RequestMethod.GET)
  Map<String, Object> customFieldValues(Tenant tenant, PortfolioRestriction r, ODataQueryOptions options) {
    return collection(tenant, "CustomFieldValues", options, r.loans("loan_id"), LoanServicingController::customFieldRow);
  }

  @RequestMapping(path = {"/odata.svc/LoanSettings({id})/CustomFieldValues", "/odata.svc/LoanSettings(id={id})/CustomFieldValues"},
      method = RequestMethod.GET)
  Map<String, Object> loanCustomFieldValues(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    loans.get(tenant, id);
    return collection(tenant, "CustomFieldValues", options, new SqlFragment("loan_id = ?", List.of(id)),
        LoanServicingController::customFieldRow);
  }

  private static RowMapper<Map<String, Object>> customFieldRow(String base) {
    return (rs, n) -> CustomFieldValueJson.view(rs, base);
  }

  /** Adjustments by hand or by rules: every loan's (a restricted token's portfolios'), or one loan's. */
  @RequestMapping(path = {"/odata.svc/StopInterestDates", "/odata.svc/StopInterestDates()", "/odata.svc/APDAdjustments",
      "/odata.svc/APDAdjustments()"}, method = RequestMethod.GET)
  Map<String, Object> adjustments(Tenant tenant, PortfolioRestriction r, jakarta.servlet.http.HttpServletRequest req,
      ODataQueryOptions options) {
    return collection(tenant, adjustmentSet(req), options, r.loans("loan_id"), LoanServicingController::adjustmentRow);
  }

  @RequestMapping(path = {"/odata.svc/Loans({id})/StopInterestDates", "/odata.svc/Loans({id})/APDAdjustments"},
      method = RequestMethod.GET)
  Map<String, Object> loanAdjustments(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      jakarta.servlet.http.HttpServletRequest req, ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    loans.get(tenant, id);
    return collection(tenant, adjustmentSet(req), options, new SqlFragment("loan_id = ?", List.of(id)),
        LoanServicingController::adjustmentRow);
  }

  private static String adjustmentSet(jakarta.servlet.http.HttpServletRequest req) {
    return req.getRequestURI().contains("StopInterestDates") ? "StopInterestDates" : "APDAdjustments";
  }

  private static RowMapper<Map<String, Object>> adjustmentRow(String base) {
    return (rs, n) -> AdjustmentJson.view(rs, base);
  }

  /** Due date changes: every loan's (a restricted token's portfolios'), or one loan's. */
  @RequestMapping(path = {"/odata.svc/LoanDueDateChanges", "/odata.svc/LoanDueDateChanges()"}, method = RequestMethod.GET)
  Map<String, Object> dueDateChanges(Tenant tenant, PortfolioRestriction r, ODataQueryOptions options) {
    return collection(tenant, DueDateChangeJson.SET, options, r.loans("loan_id"), LoanServicingController::dueDateRow);
  }

  @RequestMapping(path = "/odata.svc/Loans({id})/DueDateChanges", method = RequestMethod.GET)
  Map<String, Object> loanDueDateChanges(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    loans.get(tenant, id);
    return collection(tenant, DueDateChangeJson.SET, options, new SqlFragment("loan_id = ?", List.of(id)),
        LoanServicingController::dueDateRow);
  }

  private static RowMapper<Map<String, Object>> dueDateRow(String base) {
    return (rs, n) -> DueDateChangeJson.view(rs, base);
  }

  /** An entity set or a loan's navigation: the plan's rows, rendered, with $select and the summary. */
  private Map<String, Object> collection(Tenant tenant, String set, ODataQueryOptions options, SqlFragment fixed,
      java.util.function.Function<String, RowMapper<Map<String, Object>>> view) {
    QueryPlan plan = sets.plan(set, options);
    JdbcClient db = tx.jdbc(tenant);
    List<Map<String, Object>> rows = ODataRows.query(db, plan, fixed, view.apply(LoansController.base()))
        .stream().map(r -> ODataSelect.apply(r, plan)).toList();
    return ODataEnvelope.collection(rows, plan.summary(ODataRows.total(db, plan, fixed, rows.size())));
  }

  /**
   * Computed rows (origination, late fees, charges, payments, scheduled payments) with the same OData options
   * as stored sets: the rows are handed to PostgreSQL as one JSON parameter and queried there by the same plan.
   */
  @RequestMapping(path = "/odata.svc/Loans({id})/Transactions", method = RequestMethod.GET)
  Map<String, Object> transactions(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    QueryPlan plan = sets.plan("LoanTransactions", options);
    List<LoanTransaction> all = servicing.transactions(tenant, id);
    List<Object> rows = List.of(TransactionJson.rowsJson(id, all));
    String base = LoansController.base();
    JdbcClient db = tx.jdbc(tenant);
    List<Map<String, Object>> page = ODataRows.query(db, plan, rows, null, List.of(),
        (rs, n) -> ODataSelect.apply(TransactionJson.view(id, all.get(rs.getInt("ord") - 1), rs.getInt("ord"), base),
            plan));
    return ODataEnvelope.collection(page, plan.summary(ODataRows.count(db, plan, rows, null, List.of())));
  }

  @RequestMapping(path = {"/odata.svc/LoanStatusArchive", "/odata.svc/LoanStatusArchive()"}, method = RequestMethod.GET)
  Map<String, Object> archive(Tenant tenant, PortfolioRestriction r, ODataQueryOptions options) {
    return archive(tenant, options, r.loans("loan_id"));
  }

  @RequestMapping(path = "/odata.svc/Loans({id})/StatusArchive", method = RequestMethod.GET)
  Map<String, Object> loanArchive(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    loans.get(tenant, id);
    return archive(tenant, options, new SqlFragment("loan_id = ?", List.of(id)));
  }

  private Map<String, Object> archive(Tenant tenant, ODataQueryOptions options, SqlFragment fixed) {
    return collection(tenant, "LoanStatusArchive", options, fixed, LoanServicingController::archiveRow);
  }

  @RequestMapping(path = {"/Loans({id})/Autopal.GetStatus({date})", "/Loans({id})/AutoPal.GetStatus({date})",
      "/odata.svc/Loans({id})/Autopal.GetStatus({date})", "/odata.svc/Loans({id})/AutoPal.GetStatus({date})"},
      method = {RequestMethod.GET, RequestMethod.POST})
  Map<String, Object> status(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      @PathVariable String date) {
    restrictions.requireLoan(tenant, r, id);
    LocalDate on = date(date);
    List<StatusSnapshot> s = servicing.statusThrough(tenant, id, on, on);
    return ODataEnvelope.single(ArchiveJson.view(id, s.get(0), LoansController.base()));
  }

  /** LoanPro's ten-day payoff table: payoff on each day, its change from the day before, and the day's interest. */
  @RequestMapping(path = {"/Loans({id})/Autopal.GetLoanPayoff({date})", "/Loans({id})/AutoPal.GetLoanPayoff({date})",
      "/odata.svc/Loans({id})/Autopal.GetLoanPayoff({date})", "/odata.svc/Loans({id})/AutoPal.GetLoanPayoff({date})"},
      method = {RequestMethod.GET, RequestMethod.POST})
  Map<String, Object> payoff(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      @PathVariable String date) {
    restrictions.requireLoan(tenant, r, id);
    LocalDate on = date(date);
    LocalDate from = on.minusDays(1);
    List<StatusSnapshot> days = servicing.statusThrough(tenant, id, from, on.plusDays(9));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      StatusSnapshot s = days.get(i);
      if (s.date().isBefore(on)) {
        continue;
      }
      BigDecimal previous = i > 0 ? days.get(i - 1).payoff() : s.payoff();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("date", ODataFormat.date(s.date()));
      row.put("payoff", ODataFormat.money(s.payoff()));
      row.put("change", ODataFormat.money(s.payoff().subtract(previous)));
      row.put("dailyInterest", ODataFormat.money(s.perdiem()));
      row.put("details", Map.of(
          "principalBalance", ODataFormat.money(s.principalBalance()),
          "interest", ODataFormat.money(s.payoff().subtract(s.principalBalance()).subtract(s.dueFees())),
          "fees", ODataFormat.money(s.dueFees())));
      rows.add(row);
    }
    return ODataEnvelope.single(rows);
  }

  private static LocalDate date(String raw) {
    String s = raw.replace("'", "").replace("\"", "").strip();
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("The date must be YYYY-MM-DD, not '" + (s.length() > 30 ? s.substring(0, 30) : s) + "'");
    }
  }
}
