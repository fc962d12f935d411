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
import org.openlms.app.loan.LoanService;
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
 * What servicing produced: Payments and the StatusArchive (as entity sets and as loan navigations, with
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
    return java.util.Set.of("StatusArchive", "Payments", "Transactions");
  }

  @Override
  public Map<String, Object> page(String name, Tenant tenant, PortfolioRestriction r, long loanId,
      ODataQueryOptions options) {
    return switch (name) {
      case "StatusArchive" -> loanArchive(tenant, r, loanId, options);
      case "Payments" -> loanPayments(tenant, r, loanId, options);
      default -> transactions(tenant, r, loanId, options);
    };
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
    return collection(tenant, "Payments", options, fixed,
        base -> (rs, n) -> PaymentJson.view(ServicingRepository.payment(rs, n), base));
  }

  /** An entity set or a loan's navigation: the plan's rows, rendered, with $select and the summary. */
  private Map<String, Object> collection(Tenant tenant, String set, ODataQueryOptions options, SqlFragment fixed,
      java.util.function.Function<String, RowMapper<Map<String, Object>>> view) {
    QueryPlan plan = sets.plan(set, options);
    JdbcClient db = tx.jdbc(tenant);
    List<Map<String, Object>> rows = ODataRows.query(db, plan, fixed, view.apply(LoansController.base()))
        .stream().map(r -> ODataSelect.apply(r, plan)).toList();
    return ODataEnvelope.collection(rows, plan.summary(ODataRows.count(db, plan, fixed)));
  }

  /** Computed rows (origination, payments, charges, scheduled payments): paged, not filterable yet. */
  @RequestMapping(path = "/odata.svc/Loans({id})/Transactions", method = RequestMethod.GET)
  Map<String, Object> transactions(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    if (options.filter() != null || options.orderBy() != null || options.select() != null) {
      throw new InvalidInputException("Transactions take $top, $skip and nopaging; $filter, $orderby and $select "
          + "are not supported on them yet");
    }
    var all = servicing.transactions(tenant, id);
    int skip = parse(options.skip() != null ? options.skip() : options.start(), 0, "$skip");
    boolean nopaging = options.nopaging() != null && !"false".equalsIgnoreCase(options.nopaging());
    int top = nopaging ? all.size() : parse(options.top(), 50, "$top");
    String base = LoansController.base();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = skip; i < all.size() && rows.size() < top; i++) {
      rows.add(TransactionJson.view(id, all.get(i), i + 1, base));
    }
    return ODataEnvelope.collection(rows, new QueryPlan.PageSummary(skip, top, all.size()));
  }

  private static int parse(String raw, int dflt, String name) {
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < 0 || v > 100_000) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " must be a whole number between 0 and 100000");
    }
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
    return collection(tenant, "LoanStatusArchive", options, fixed,
        base -> (rs, n) -> ArchiveJson.view(rs.getLong("loan_id"), ServicingRepository.snapshot(rs, n), base));
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
