package org.openlms.app.api.odata.customers;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.odata.ODataEntitySets;
import org.openlms.app.api.odata.ODataEnvelope;
import org.openlms.app.api.odata.ODataRows;
import org.openlms.app.api.odata.ODataSelect;
import org.openlms.app.api.odata.loans.LoanJson;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.openlms.app.api.odata.query.QueryPlan;
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
import org.springframework.web.bind.annotation.RequestParam;
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

  CustomersController(CustomerService customers, LoanService loans, ODataEntitySets sets, TenantTransactions tx) {
    this.customers = customers;
    this.loans = loans;
    this.sets = sets;
    this.tx = tx;
  }

  @PostMapping({"/Customers", "/Customers()"})
  Map<String, Object> create(Tenant tenant, @RequestBody JsonNode body) {
    long id = customers.create(tenant, CustomerJson.read(body).apply(CustomerJson.blank()), ACTOR);
    return ODataEnvelope.single(view(tenant, customers.get(tenant, id), ADDRESSES, null));
  }

  @GetMapping({"/Customers", "/Customers()"})
  Map<String, Object> list(Tenant tenant, ODataQueryOptions options) {
    return collection(tenant, options, null, List.of(), null);
  }

  @GetMapping({"/Customers({id})", "/Customers(id={id})"})
  Map<String, Object> get(Tenant tenant, @PathVariable long id,
      @RequestParam(name = "$expand", required = false) String expand) {
    return ODataEnvelope.single(view(tenant, customers.get(tenant, id), CustomerView.expand(expand), null));
  }

  @PutMapping({"/Customers({id})", "/Customers(id={id})"})
  Map<String, Object> update(Tenant tenant, @PathVariable long id, @RequestBody JsonNode body) {
    customers.update(tenant, id, CustomerJson.read(body), ACTOR);
    return ODataEnvelope.single(view(tenant, customers.get(tenant, id), ADDRESSES, null));
  }

  /** The loans a customer is linked to, with the Loans set's OData options. */
  @GetMapping({"/Customers({id})/Loans", "/Customers(id={id})/Loans"})
  Map<String, Object> loans(Tenant tenant, @PathVariable long id, ODataQueryOptions options) {
    customers.get(tenant, id);
    Set<String> nav = LoanJson.expand(options.expand());
    QueryPlan plan = sets.plan("Loans", withoutExpand(options));
    JdbcClient db = tx.jdbc(tenant);
    String fixed = "id IN (SELECT loan_id FROM loan_customer WHERE customer_id = ?)";
    String base = base();
    List<Map<String, Object>> rows = ODataRows.query(db, plan, fixed, List.of(id), (rs, n) -> rs.getLong("id"))
        .stream().map(l -> ODataSelect.apply(LoanJson.view(loans.get(tenant, l), nav, base), plan)).toList();
    return ODataEnvelope.collection(rows, plan.summary(ODataRows.count(db, plan, fixed, List.of(id))));
  }

  /** The customers of a loan, each with its {@code loanRole}. */
  @Override
  public java.util.Set<String> names() {
    return java.util.Set.of("Customers");
  }

  @Override
  public Map<String, Object> page(String name, Tenant tenant, long loanId, ODataQueryOptions options) {
    return ofLoan(tenant, loanId, options);
  }

  @GetMapping({"/Loans({id})/Customers", "/Loans(id={id})/Customers"})
  Map<String, Object> ofLoan(Tenant tenant, @PathVariable long id, ODataQueryOptions options) {
    loans.get(tenant, id);
    Map<Long, CustomerRole> roles = customers.linksOf(tenant, id);
    return collection(tenant, options, "id IN (SELECT customer_id FROM loan_customer WHERE loan_id = ?)",
        List.of(id), roles);
  }

  private Map<String, Object> collection(Tenant tenant, ODataQueryOptions options, String fixed,
      List<Object> params, Map<Long, CustomerRole> roles) {
    Set<String> nav = CustomerView.expand(options.expand());
    QueryPlan plan = sets.plan("Customers", withoutExpand(options));
    JdbcClient db = tx.jdbc(tenant);
    List<Map<String, Object>> rows = ODataRows.query(db, plan, fixed, params, CustomerRepository::map).stream()
        .map(c -> ODataSelect.apply(view(tenant, c, nav, roles == null ? null : roles.get(c.id())), plan)).toList();
    return ODataEnvelope.collection(rows, plan.summary(ODataRows.count(db, plan, fixed, params)));
  }

  private Map<String, Object> view(Tenant tenant, Customer c, Set<String> expand, CustomerRole role) {
    String base = base();
    List<?> loanRows = expand.contains("Loans") ? customers.loanIdsOf(tenant, c.id()).stream()
        .map(l -> LoanJson.view(loans.get(tenant, l), Set.of(), base)).toList() : null;
    return CustomerView.of(c, expand, role, loanRows, base);
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
