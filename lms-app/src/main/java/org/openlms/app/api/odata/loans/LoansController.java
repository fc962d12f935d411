package org.openlms.app.api.odata.loans;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.odata.ODataEnvelope;
import org.openlms.app.automation.AutomationService;
import org.openlms.app.api.odata.ODataEntitySets;
import org.openlms.app.api.odata.ODataSelect;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.openlms.app.api.odata.portfolios.LoanPortfoliosJson;
import org.openlms.app.api.odata.query.QueryPlan;
import org.openlms.app.api.odata.query.SqlFragment;
import org.openlms.app.portfolio.PortfolioLink;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.openlms.app.portfolio.PortfolioService;
import org.openlms.app.portfolio.Restrictions;
import org.openlms.app.customer.CustomerService;
import org.openlms.app.customer.LoanLink;
import org.openlms.app.loan.LoanChanges;
import org.openlms.app.loan.LoanService;
import org.openlms.app.loan.LoanServicing;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import tools.jackson.databind.node.ObjectNode;
import org.openlms.app.loan.LoanService.LoanView;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.errors.NotFoundException;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * {@code odata.svc/Loans}: create from LoanSetup, read (both key forms, {@code $expand}), update with nested
 * LoanSetup and LoanSettings, soft delete, and the {@code Autopal.Activate()} action.
 */
@RestController
@RequestMapping("/api/public/api/1")
class LoansController {

  private static final String ACTOR = "api";
  private final LoanService loans;
  private final LoanServicing servicing;
  private final ODataEntitySets sets;
  private final TenantTransactions tx;
  private final TenantService tenants;
  private final CustomerService customers;
  private final LoanExpansion expansion;
  private final PortfolioService portfolios;
  private final Restrictions restrictions;
  private final AutomationService automation;

  LoansController(LoanService loans, LoanServicing servicing, ODataEntitySets sets, TenantTransactions tx,
      TenantService tenants, CustomerService customers, LoanExpansion expansion,
      PortfolioService portfolios, Restrictions restrictions, AutomationService automation) {
    this.portfolios = portfolios;
    this.restrictions = restrictions;
    this.automation = automation;
    this.customers = customers;
    this.loans = loans;
    this.servicing = servicing;
    this.sets = sets;
    this.tx = tx;
    this.tenants = tenants;
    this.expansion = expansion;
  }

  /**
   * Creates a loan, with its {@code Portfolios}/{@code SubPortfolios} links in the same transaction. A token
   * restricted to portfolios must place the loan in one of them (its only one is used when none is named).
   */
  @PostMapping({"/odata.svc/Loans", "/odata.svc/Loans()"})
  Map<String, Object> create(Tenant tenant, PortfolioRestriction r, @RequestBody JsonNode body) {
    List<PortfolioLink> toPortfolios = LoanPortfoliosJson.read("Portfolios",
        body instanceof ObjectNode o ? o.remove("Portfolios") : null);
    List<PortfolioLink> toSubs = LoanPortfoliosJson.read("SubPortfolios",
        body instanceof ObjectNode o ? o.remove("SubPortfolios") : null);
    LoanChanges changes = LoanJson.read(body, null);
    long id = tx.inTransaction(tenant, db -> {
      long created = loans.create(tenant, changes, ACTOR);
      portfolios.placeNewLoan(tenant, r, created, toPortfolios, toSubs, ACTOR);
      return created;
    });
    return ODataEnvelope.single(LoanJson.view(loans.get(tenant, id), Set.of("LoanSetup", "LoanSettings"), base()));
  }

  /** A restricted token lists and counts only the loans in its portfolios (in SQL, so pages stay right). */
  @GetMapping({"/odata.svc/Loans", "/odata.svc/Loans()"})
  Map<String, Object> list(Tenant tenant, PortfolioRestriction r, ODataQueryOptions options) {
    Map<String, String> nav = LoanJson.expand(options.expand());
    // $expand is validated above against what loans can expand today; the planner handles the rest.
    QueryPlan plan = sets.plan("Loans", new ODataQueryOptions(options.filter(), options.orderBy(), options.top(),
        options.skip(), options.start(), options.select(), null, options.nopaging()));
    SqlFragment within = r.loans("id");
    List<Long> ids = loans.find(tenant, plan, within);
    List<Map<String, Object>> rows = expansion.render(tenant, r, ids, nav, base()).stream()
        .map(l -> ODataSelect.apply(l, plan)).toList();
    return ODataEnvelope.collection(rows, plan.summary(loans.total(tenant, plan, within, ids.size())));
  }

  @GetMapping({"/odata.svc/Loans({id})", "/odata.svc/Loans(id={id})"})
  Map<String, Object> get(Tenant tenant, PortfolioRestriction r, @PathVariable long id, ODataQueryOptions options) {
    restrictions.requireLoan(tenant, r, id);
    Map<String, String> nav = LoanJson.expand(options.expand());
    QueryPlan select = sets.plan("Loans", ODataSelect.only(options));
    List<Map<String, Object>> one = expansion.render(tenant, r, List.of(id), nav, base());
    if (one.isEmpty()) {
      throw new NotFoundException("Loans");
    }
    return ODataEnvelope.single(ODataSelect.apply(one.get(0), select));
  }

  /**
   * Changes the loan, logs or reverses payments ({@code "Payments":{"results":[...]}}) and charges
   * ({@code "Charges":{"results":[...]}}), and links or unlinks customers ({@code "Customers":{"results":[...]}})
   * and portfolios ({@code "Portfolios"}, {@code "SubPortfolios"}), all in one transaction: either everything in
   * the request happens or nothing does (so a payment reversed for NSF and the NSF charge sent with it go
   * together). A restricted token links only customers it can see (or not yet linked to any loan) and its own
   * portfolios.
   */
  @PutMapping({"/odata.svc/Loans({id})", "/odata.svc/Loans(id={id})"})
  Map<String, Object> update(Tenant tenant, PortfolioRestriction r, @PathVariable long id,
      @RequestBody JsonNode body) {
    restrictions.requireLoan(tenant, r, id);
    LoanView current = loans.get(tenant, id);
    JsonNode payments = body instanceof ObjectNode o ? o.remove("Payments") : null;
    JsonNode chargeNode = body instanceof ObjectNode o ? o.remove("Charges") : null;
    JsonNode customerNode = body instanceof ObjectNode o ? o.remove("Customers") : null;
    JsonNode stopNode = body instanceof ObjectNode o ? o.remove(AdjustmentJson.STOP_INTEREST) : null;
    JsonNode apdNode = body instanceof ObjectNode o ? o.remove(AdjustmentJson.APD) : null;
    AdjustmentJson.Parsed stops = stopNode == null ? null : AdjustmentJson.read(AdjustmentJson.STOP_INTEREST, stopNode);
    AdjustmentJson.Parsed apds = apdNode == null ? null : AdjustmentJson.read(AdjustmentJson.APD, apdNode);
    JsonNode dueDateNode = body instanceof ObjectNode o ? o.remove(DueDateChangeJson.NAME) : null;
    DueDateChangeJson.Parsed dueDates = dueDateNode == null ? null : DueDateChangeJson.read(dueDateNode);
    List<PortfolioLink> toPortfolios = LoanPortfoliosJson.read("Portfolios",
        body instanceof ObjectNode o ? o.remove("Portfolios") : null);
    List<PortfolioLink> toSubs = LoanPortfoliosJson.read("SubPortfolios",
        body instanceof ObjectNode o ? o.remove("SubPortfolios") : null);
    List<LoanLink> links = customerNode == null ? List.of() : LoanCustomersJson.read(customerNode);
    LoanChanges changes = LoanJson.read(body, current);
    java.time.LocalDate businessDate = tenants.businessDate(tenant);
    PaymentJson.Parsed parsed = payments == null ? null : PaymentJson.read(payments, businessDate);
    ChargeJson.Parsed charges = chargeNode == null ? null : ChargeJson.read(chargeNode);
    tx.inTransaction(tenant, db -> {
      if (!changes.isEmpty()) {
        loans.update(tenant, id, changes, ACTOR);
      }
      if (parsed != null && !parsed.payments().isEmpty()) {
        servicing.logPayments(tenant, id, parsed.payments(), ACTOR);
      }
      if (charges != null && !charges.charges().isEmpty()) {
        servicing.logCharges(tenant, id, charges.charges(), businessDate, ACTOR);
      }
      if (stops != null) {
        servicing.adjust(tenant, id, AdjustmentJson.STOP_INTEREST, stops.added(), stops.removed(), businessDate, ACTOR);
      }
      if (apds != null) {
        servicing.adjust(tenant, id, AdjustmentJson.APD, apds.added(), apds.removed(), businessDate, ACTOR);
      }
      boolean dueDatesChanged = dueDates != null && !dueDates.added().isEmpty();
      if (dueDates != null) {
        servicing.changeDueDates(tenant, id, dueDates.added(), dueDates.removed(), businessDate, ACTOR);
      }
      if (!links.isEmpty()) {
        links.stream().filter(l -> !l.destroy()).forEach(l -> restrictions.requireLinkableCustomer(db, r, l.customerId()));
        customers.link(tenant, id, links, ACTOR);
      }
      if (!toPortfolios.isEmpty() || !toSubs.isEmpty()) {
        portfolios.link(tenant, r, id, toPortfolios, toSubs, ACTOR);
      }
      if (parsed != null) {
        parsed.reversals().forEach(v -> servicing.reversePayment(tenant, id, v.paymentId(), v.reason(), v.date(), ACTOR));
      }
      if (charges != null) {
        charges.reversals().forEach(v -> servicing.reverseCharge(tenant, id, v.chargeId(), v.comment(), ACTOR));
      }
      // Events fire recurring charges first, then rules marked real time see the loan as this request left it.
      if (Boolean.TRUE.equals(changes.activate()) && !current.loan().setupActive()) {
        activated(tenant, id);
      }
      if (parsed != null) {
        parsed.reversals().forEach(v -> automation.onEvent(tenant, id, "paymentreversal", reversalKind(v.reason())));
      }
      if (dueDatesChanged) {
        automation.onEvent(tenant, id, "changeduedate", null);
      }
      automation.afterChange(tenant, id);
      return null;
    });
    return ODataEnvelope.single(LoanJson.view(loans.get(tenant, id), Set.of("LoanSetup", "LoanSettings"), base()));
  }

  @DeleteMapping({"/odata.svc/Loans({id})", "/odata.svc/Loans(id={id})"})
  Map<String, Object> delete(Tenant tenant, PortfolioRestriction r, @PathVariable long id) {
    restrictions.requireLoan(tenant, r, id);
    loans.delete(tenant, id, ACTOR);
    return ODataEnvelope.single(Map.of("success", true));
  }

  /** LoanPro spells the namespace both Autopal and AutoPal; both are accepted, under odata.svc or not. */
  @PostMapping({"/Loans({id})/Autopal.Activate()", "/Loans({id})/AutoPal.Activate()",
      "/odata.svc/Loans({id})/Autopal.Activate()", "/odata.svc/Loans({id})/AutoPal.Activate()"})
  Map<String, Object> activate(Tenant tenant, PortfolioRestriction r, @PathVariable long id) {
    restrictions.requireLoan(tenant, r, id);
    tx.inTransaction(tenant, db -> {
      boolean wasActive = loans.get(tenant, id).loan().setupActive();
      loans.activate(tenant, id, ACTOR);
      if (!wasActive) {
        activated(tenant, id);
      }
      automation.afterChange(tenant, id);
      return null;
    });
    return ODataEnvelope.single(Map.of("success", true));
  }

  /** LoanPro's origination and activation events, which both happen here when a loan is activated. */
  private void activated(Tenant tenant, long id) {
    automation.onEvent(tenant, id, "origination", null);
    automation.onEvent(tenant, id, "loanactivation", null);
  }

  /** The sub-event of a payment reversal a recurring charge can wait for: NSF, a NACHA return code, or other. */
  static String reversalKind(String reverseReason) {
    return switch (reverseReason == null ? "" : reverseReason) {
      case "payment.reverse.nsf" -> "nfs";
      case "payment.reverse.nachaErrorCode" -> "nachacode";
      default -> "nonfs";
    };
  }

  static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/public/api/1/odata.svc/").toUriString();
  }
}
