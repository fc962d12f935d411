package org.openlms.app.api.odata.portfolios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.odata.ODataEntitySets;
import org.openlms.app.api.odata.ODataEnvelope;
import org.openlms.app.api.odata.ODataRows;
import org.openlms.app.api.odata.ODataSelect;
import org.openlms.app.api.odata.loans.LoanNavigations;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.openlms.app.api.odata.query.QueryPlan;
import org.openlms.app.api.odata.query.SqlFragment;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.loan.LoanService;
import org.openlms.app.portfolio.PortfolioRepository;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.openlms.app.portfolio.PortfolioService;
import org.openlms.app.portfolio.Restrictions;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code odata.svc/Portfolios} and {@code odata.svc/SubPortfolios}: create (POST), read with OData options and
 * {@code $expand=SubPortfolios}, update (PUT, nested {@code SubPortfolios} created or changed in the same
 * transaction), {@code Portfolios(id)/SubPortfolios}, and the loan navigations {@code Loans(id)/Portfolios}
 * and {@code Loans(id)/SubPortfolios}. A restricted token reads only its own portfolios and changes none.
 */
@RestController
@RequestMapping("/api/public/api/1/odata.svc")
class PortfoliosController implements LoanNavigations {

  private static final String ACTOR = "api";
  private static final int EXPAND_PAGE = 50;
  private final PortfolioService portfolios;
  private final Restrictions restrictions;
  private final LoanService loans;
  private final ODataEntitySets sets;
  private final TenantTransactions tx;

  PortfoliosController(PortfolioService portfolios, Restrictions restrictions, LoanService loans,
      ODataEntitySets sets, TenantTransactions tx) {
    this.portfolios = portfolios;
    this.restrictions = restrictions;
    this.loans = loans;
    this.sets = sets;
    this.tx = tx;
  }

  @PostMapping({"/Portfolios", "/Portfolios()"})
  Map<String, Object> create(Tenant tenant, PortfolioRestriction r, @RequestBody JsonNode body) {
    PortfolioJson.Parsed p = PortfolioJson.read(body, true);
    long id = portfolios.create(tenant, r, p.change().apply(PortfolioJson.blank()), p.subs(), ACTOR);
    return ODataEnvelope.single(portfolio(tenant, r, id, true));
  }

  @GetMapping({"/Portfolios", "/Portfolios()"})
  Map<String, Object> list(Tenant tenant, PortfolioRestriction r, ODataQueryOptions options) {
    boolean subs = expandSubs(options.expand());
    return collection(tenant, "Portfolios", options, r.portfolios("id"), PortfolioRepository::map,
        (p, base) -> PortfolioJson.view(p, base, subs ? expandedSubs(tenant, p.id(), base) : null));
  }

  @GetMapping({"/Portfolios({id})", "/Portfolios(id={id})"})
  Map<String, Object> get(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      @RequestParam(name = "$expand", required = false) String expand) {
    return ODataEnvelope.single(portfolio(tenant, r, id, expandSubs(expand)));
  }

  @PutMapping({"/Portfolios({id})", "/Portfolios(id={id})"})
  Map<String, Object> update(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      @RequestBody JsonNode body) {
    portfolios.get(tenant, r, id);
    PortfolioJson.Parsed p = PortfolioJson.read(body, false);
    portfolios.update(tenant, r, id, p.change(), p.subs(), ACTOR);
    return ODataEnvelope.single(portfolio(tenant, r, id, true));
  }

  @GetMapping({"/Portfolios({id})/SubPortfolios", "/Portfolios(id={id})/SubPortfolios"})
  Map<String, Object> subsOf(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      ODataQueryOptions options) {
    portfolios.get(tenant, r, id);
    return subCollection(tenant, options, new SqlFragment("portfolio_id = ?", List.of(id)));
  }

  @PostMapping({"/SubPortfolios", "/SubPortfolios()"})
  Map<String, Object> createSub(Tenant tenant, PortfolioRestriction r, @RequestBody JsonNode body) {
    var s = PortfolioJson.readSub(body, true).apply(new org.openlms.app.portfolio.SubPortfolio(0, 0, null, true, null));
    long id = portfolios.createSub(tenant, r, s.parent(), s.title(), s.active(), ACTOR);
    return ODataEnvelope.single(PortfolioJson.subView(portfolios.getSub(tenant, r, id), base()));
  }

  @GetMapping({"/SubPortfolios", "/SubPortfolios()"})
  Map<String, Object> subList(Tenant tenant, PortfolioRestriction r, ODataQueryOptions options) {
    return subCollection(tenant, options, r.portfolios("portfolio_id"));
  }

  @GetMapping({"/SubPortfolios({id})", "/SubPortfolios(id={id})"})
  Map<String, Object> getSub(Tenant tenant, PortfolioRestriction r, @PathVariable long id) {
    return ODataEnvelope.single(PortfolioJson.subView(portfolios.getSub(tenant, r, id), base()));
  }

  @PutMapping({"/SubPortfolios({id})", "/SubPortfolios(id={id})"})
  Map<String, Object> updateSub(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      @RequestBody JsonNode body) {
    portfolios.getSub(tenant, r, id);
    portfolios.updateSub(tenant, r, id, PortfolioJson.readSub(body, false), ACTOR);
    return ODataEnvelope.single(PortfolioJson.subView(portfolios.getSub(tenant, r, id), base()));
  }

  @Override
  public Set<String> names() {
    return Set.of("Portfolios", "SubPortfolios");
  }

  /** A loan's portfolios (or sub-portfolios); a restricted token sees only its own among them. */
  @Override
  public Map<String, Object> page(String name, Tenant tenant, PortfolioRestriction r, long loanId,
      ODataQueryOptions options) {
    if (name.equals("Portfolios")) {
      return collection(tenant, "Portfolios", options, PortfolioRestriction.and(new SqlFragment(
              "id IN (SELECT portfolio_id FROM loan_portfolio WHERE loan_id = ?)", List.of(loanId)), r.portfolios("id")),
          PortfolioRepository::map, (p, base) -> PortfolioJson.view(p, base, null));
    }
    return subCollection(tenant, options, PortfolioRestriction.and(new SqlFragment(
        "id IN (SELECT sub_portfolio_id FROM loan_sub_portfolio WHERE loan_id = ?)", List.of(loanId)),
        r.portfolios("portfolio_id")));
  }

  /** The portfolios (or sub-portfolios) of the loans being expanded, in one query for all the loans. */
  @Override
  public Map<Long, List<?>> expand(String name, Tenant tenant, PortfolioRestriction r, List<Long> loanIds,
      int limit, String nested) {
    String base = base();
    JdbcClient db = tx.jdbc(tenant);
    if (name.equals("Portfolios")) {
      return new LinkedHashMap<>(ODataRows.perParent(db, loanIds, "* FROM portfolio", PortfolioRestriction.and(
              new SqlFragment("id IN (SELECT portfolio_id FROM loan_portfolio WHERE loan_id = k.parent_id)", List.of()),
              r.portfolios("id")), " ORDER BY id", limit + 1,
          (rs, n) -> PortfolioJson.view(PortfolioRepository.map(rs, n), base, null)));
    }
    return new LinkedHashMap<>(ODataRows.perParent(db, loanIds, "* FROM sub_portfolio", PortfolioRestriction.and(
            new SqlFragment("id IN (SELECT sub_portfolio_id FROM loan_sub_portfolio WHERE loan_id = k.parent_id)",
                List.of()), r.portfolios("portfolio_id")), " ORDER BY id", limit + 1,
        (rs, n) -> PortfolioJson.subView(PortfolioRepository.mapSub(rs, n), base)));
  }

  @GetMapping({"/Loans({id})/Portfolios", "/Loans(id={id})/Portfolios"})
  Map<String, Object> ofLoan(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    loans.get(tenant, id);
    requireNoExpand(options);
    return page("Portfolios", tenant, r, id, options);
  }

  @GetMapping({"/Loans({id})/SubPortfolios", "/Loans(id={id})/SubPortfolios"})
  Map<String, Object> subsOfLoan(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    loans.get(tenant, id);
    return page("SubPortfolios", tenant, r, id, options);
  }

  private Map<String, Object> portfolio(Tenant tenant, PortfolioRestriction r, long id, boolean withSubs) {
    String base = base();
    return PortfolioJson.view(portfolios.get(tenant, r, id), base, withSubs ? expandedSubs(tenant, id, base) : null);
  }

  /** A portfolio's sub-portfolios as an expanded collection: the first page, and {@code __next} for the rest. */
  private Map<String, Object> expandedSubs(Tenant tenant, long portfolioId, String base) {
    ODataQueryOptions first = new ODataQueryOptions(null, null, String.valueOf(EXPAND_PAGE), null, null, null,
        null, null);
    @SuppressWarnings("unchecked")
    Map<String, Object> d = (Map<String, Object>) subCollection(tenant, first,
        new SqlFragment("portfolio_id = ?", List.of(portfolioId))).get("d");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("results", d.get("results"));
    if (((Number) ((Map<?, ?>) d.get("summary")).get("total")).longValue() > EXPAND_PAGE) {
      out.put("__next", base + "Portfolios(id=" + portfolioId + ")/SubPortfolios?$skip=" + EXPAND_PAGE
          + "&$top=" + EXPAND_PAGE);
    }
    return out;
  }

  private Map<String, Object> subCollection(Tenant tenant, ODataQueryOptions options, SqlFragment fixed) {
    requireNoExpand(options);
    return collection(tenant, "SubPortfolios", options, fixed, PortfolioRepository::mapSub,
        PortfolioJson::subView);
  }

  private <T> Map<String, Object> collection(Tenant tenant, String set, ODataQueryOptions options,
      SqlFragment fixed, org.springframework.jdbc.core.RowMapper<T> mapper,
      java.util.function.BiFunction<T, String, Map<String, Object>> view) {
    QueryPlan plan = sets.plan(set, new ODataQueryOptions(options.filter(), options.orderBy(), options.top(),
        options.skip(), options.start(), options.select(), null, options.nopaging()));
    JdbcClient db = tx.jdbc(tenant);
    String base = base();
    List<Map<String, Object>> rows = ODataRows.query(db, plan, fixed, mapper).stream()
        .map(x -> ODataSelect.apply(view.apply(x, base), plan)).toList();
    return ODataEnvelope.collection(rows, plan.summary(ODataRows.count(db, plan, fixed)));
  }

  /** {@code $expand} of a portfolio: SubPortfolios is its only navigation. */
  private static boolean expandSubs(String expand) {
    if (expand == null || expand.isBlank()) {
      return false;
    }
    for (String part : expand.split(",")) {
      if (!part.strip().equals("SubPortfolios")) {
        throw new InvalidInputException("Unknown navigation property '"
            + org.openlms.app.api.odata.FieldReader.clip(part.strip()) + "' in $expand (Portfolios expand SubPortfolios)");
      }
    }
    return true;
  }

  private static void requireNoExpand(ODataQueryOptions options) {
    if (options.expand() != null) {
      throw new InvalidInputException("This collection has no navigation properties to $expand");
    }
  }

  private static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/public/api/1/odata.svc/").toUriString();
  }
}
