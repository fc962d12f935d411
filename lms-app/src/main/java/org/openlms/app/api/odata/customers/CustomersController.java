package org.openlms.app.api.odata.customers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.odata.ODataEntitySets;
import org.openlms.app.api.odata.ODataEnvelope;
import org.openlms.app.api.odata.ODataRows;
import org.openlms.app.api.odata.ODataSelect;
import org.openlms.app.api.odata.loans.LoanExpansion;
import org.openlms.app.api.odata.loans.LoanJson;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.openlms.app.api.odata.query.QueryPlan;
import org.openlms.app.api.odata.query.SqlFragment;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.openlms.app.portfolio.Restrictions;
import org.openlms.app.customer.Customer;
import org.openlms.app.customer.CustomerRepository;
import org.openlms.app.customer.CustomerRole;
import org.openlms.app.customer.CustomerService;
import org.openlms.app.loan.LoanService;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code odata.svc/Customers}: create, read (both key forms, {@code $expand=PrimaryAddress,MailAddress,Loans}),
 * update, OData collection options, and the navigations {@code Customers(id)/Loans} and {@code Loans(id)/Customers}.
 */
@RestController
@RequestMapping("/api/public/api/1/odata.svc")
class CustomersController implements org.openlms.app.api.odata.loans.LoanNavigations {

  private static final String ACTOR = "api";
  private static final Set<String> ADDRESSES = Set.of("PrimaryAddress", "MailAddress");
  private final CustomerService customers;
  private final LoanService loans;
  private final ODataEntitySets sets;
  private final TenantTransactions tx;
  private final Restrictions restrictions;
  private final LoanExpansion expansion;

  CustomersController(CustomerService customers, LoanService loans, ODataEntitySets sets, TenantTransactions tx,
      Restrictions restrictions, LoanExpansion expansion) {
    this.expansion = expansion;
    this.restrictions = restrictions;
    this.customers = customers;
    this.loans = loans;
    this.sets = sets;
    this.tx = tx;
  }

  @PostMapping({"/Customers", "/Customers()"})
  Map<String, Object> create(Tenant tenant, PortfolioRestriction r, @RequestBody JsonNode body) {
    long id = customers.create(tenant, CustomerJson.read(body).apply(CustomerJson.blank()), ACTOR);
    return ODataEnvelope.single(views(tenant, r, List.of(customers.get(tenant, id)), ADDRESSES, null).get(0));
  }

  /** A restricted token lists only the customers of loans in its portfolios. */
  @GetMapping({"/Customers", "/Customers()"})
  Map<String, Object> list(Tenant tenant, PortfolioRestriction r, ODataQueryOptions options) {
    return collection(tenant, r, options, r.customers("id"), null);
  }

  @GetMapping({"/Customers({id})", "/Customers(id={id})"})
  Map<String, Object> get(Tenant tenant, PortfolioRestriction r, @PathVariable long id, ODataQueryOptions options) {
    restrictions.requireCustomer(tenant, r, id);
    Map<String, String> nav = CustomerView.expand(options.expand());
    QueryPlan select = sets.plan("Customers", ODataSelect.only(options));
    return ODataEnvelope.single(ODataSelect.apply(views(tenant, r, List.of(customers.get(tenant, id)), nav, null)
        .get(0), select));
  }

  @PutMapping({"/Customers({id})", "/Customers(id={id})"})
  Map<String, Object> update(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      @RequestBody JsonNode body) {
    restrictions.requireCustomer(tenant, r, id);
    customers.get(tenant, id); // a missing customer is named before the body is judged, as for loans
    customers.update(tenant, id, CustomerJson.read(body), ACTOR);
    return ODataEnvelope.single(views(tenant, r, List.of(customers.get(tenant, id)), ADDRESSES, null).get(0));
  }

  /** The loans a customer is linked to, with the Loans set's OData options. */
  @GetMapping({"/Customers({id})/Loans", "/Customers(id={id})/Loans"})
  Map<String, Object> loans(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      ODataQueryOptions options) {
    restrictions.requireCustomer(tenant, r, id);
    customers.get(tenant, id);
    Map<String, String> nav = LoanJson.expand(options.expand());
    QueryPlan plan = sets.plan("Loans", withoutExpand(options));
    JdbcClient db = tx.jdbc(tenant);
    SqlFragment fixed = PortfolioRestriction.and(new SqlFragment(
        "id IN (SELECT loan_id FROM loan_customer WHERE customer_id = ?)", List.of(id)), r.loans("id"));
    List<Long> ids = ODataRows.query(db, plan, fixed, (rs, n) -> rs.getLong("id"));
    List<Map<String, Object>> rows = expansion.render(tenant, r, ids, nav, base()).stream()
        .map(l -> ODataSelect.apply(l, plan)).toList();
    return ODataEnvelope.collection(rows, plan.summary(ODataRows.total(db, plan, fixed, ids.size())));
  }

  /** The customers of a loan, each with its {@code loanRole}. */
  @Override
  public java.util.Set<String> names() {
    return java.util.Set.of("Customers");
  }

  @Override
  public void checkExpand(String name, String nested) {
    CustomerView.expand(nested);
  }

  /** The customers of the loans being expanded, with their roles, in one query for all the loans. */
  @Override
  public Map<Long, List<?>> expand(String name, Tenant tenant, PortfolioRestriction r, List<Long> loanIds,
      int limit, String nested) {
    Map<String, String> nav = CustomerView.expand(nested);
    Map<Long, List<?>> out = new java.util.LinkedHashMap<>();
    customers.customersOf(tenant, loanIds, limit + 1).forEach((loan, linked) -> {
      Map<Long, CustomerRole> roles = new java.util.HashMap<>();
      linked.forEach(l -> roles.put(l.customer().id(), l.role()));
      out.put(loan, views(tenant, r, linked.stream().map(CustomerRepository.Linked::customer).toList(), nav, roles));
    });
    return out;
  }

  @Override
  public Map<String, Object> page(String name, Tenant tenant, PortfolioRestriction r, long loanId,
      ODataQueryOptions options) {
    return ofLoan(tenant, r, loanId, options);
  }

  /** Every customer of a loan the caller reaches (they are all within its reach through this loan). */
  @GetMapping({"/Loans({id})/Customers", "/Loans(id={id})/Customers"})
  Map<String, Object> ofLoan(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    loans.get(tenant, id);
    Map<Long, CustomerRole> roles = customers.linksOf(tenant, id);
    return collection(tenant, r, options, new SqlFragment(
        "id IN (SELECT customer_id FROM loan_customer WHERE loan_id = ?)", List.of(id)), roles);
  }

  private Map<String, Object> collection(Tenant tenant, PortfolioRestriction r, ODataQueryOptions options,
      SqlFragment fixed, Map<Long, CustomerRole> roles) {
    Map<String, String> nav = CustomerView.expand(options.expand());
    QueryPlan plan = sets.plan("Customers", withoutExpand(options));
    JdbcClient db = tx.jdbc(tenant);
    List<Customer> page = ODataRows.query(db, plan, fixed, CustomerRepository::map);
    List<Map<String, Object>> rows = views(tenant, r, page, nav, roles).stream()
        .map(c -> ODataSelect.apply(c, plan)).toList();
    return ODataEnvelope.collection(rows, plan.summary(ODataRows.total(db, plan, fixed, rows.size())));
  }

  private List<Map<String, Object>> views(Tenant tenant, PortfolioRestriction r, List<Customer> page,
      Set<String> expand, Map<Long, CustomerRole> roles) {
    Map<String, String> nav = new java.util.LinkedHashMap<>();
    expand.forEach(n -> nav.put(n, null));
    return views(tenant, r, page, nav, roles);
  }

  /**
   * Customers with their {@code $expand}: with Loans, each customer's first page of loans that the caller
   * reaches, read for the whole page at once (one query for the links, then the loans and their own expanded
   * navigations as the Loans set renders them), with a {@code __next} link when a customer has more.
   */
  private List<Map<String, Object>> views(Tenant tenant, PortfolioRestriction r, List<Customer> page,
      Map<String, String> expand, Map<Long, CustomerRole> roles) {
    String base = base();
    Map<Long, Map<String, Object>> loanPages = new java.util.HashMap<>();
    if (expand.containsKey("Loans")) {
      String nested = expand.get("Loans");
      Map<Long, List<Long>> links = customers.loanIdsOf(tenant, page.stream().map(Customer::id).toList(),
          r.loans("lc.loan_id"), LoanExpansion.PAGE + 1);
      Map<Long, Map<String, Object>> rendered = new java.util.HashMap<>();
      expansion.render(tenant, r, links.values().stream().flatMap(List::stream).distinct().toList(),
          LoanJson.expand(nested), base).forEach(l -> rendered.put((Long) l.get("id"), l));
      links.forEach((c, ids) -> loanPages.put(c, LoanExpansion.page(
          ids.stream().map(rendered::get).filter(java.util.Objects::nonNull).toList(),
          base + "Customers(id=" + c + ")/Loans", nested)));
    }
    return page.stream().map(c -> CustomerView.of(c, expand.keySet(), roles == null ? null : roles.get(c.id()),
        loanPages.get(c.id()), base)).toList();
  }

  /** $expand is validated by the views above; the planner handles the other options. */
  private static ODataQueryOptions withoutExpand(ODataQueryOptions o) {
    return new ODataQueryOptions(o.filter(), o.orderBy(), o.top(), o.skip(), o.start(), o.select(), null,
        o.nopaging());
  }

  private static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/public/api/1/odata.svc/").toUriString();
  }
}
