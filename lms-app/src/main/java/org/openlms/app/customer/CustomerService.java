package org.openlms.app.customer;

import java.util.ArrayList;
import java.util.Comparator;
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

/** Creating and changing customers and linking them to loans; each call one transaction with its audit row. */
@Service
public class CustomerService {

  private final TenantTransactions tx;
  private final CustomerRepository customers;
  private final LoanRepository loans;
  private final AuditLog audit;

  CustomerService(TenantTransactions tx, CustomerRepository customers, LoanRepository loans, AuditLog audit) {
    this.tx = tx;
    this.customers = customers;
    this.loans = loans;
    this.audit = audit;
  }

  public long create(Tenant tenant, Customer c, String actor) {
    if (c.mailAddress() == null) {
      throw new InvalidInputException("Mail Address is required");
    }
    validate(c);
    return tx.inTransaction(tenant, db -> {
      requireUniqueSsnAndBirthDate(db, c, -1);
      long id = customers.insert(db, c);
      audit.record(db, actor, "Customer", id, "create", summary(c));
      return id;
    });
  }

  /** Applies {@code change} to the customer as it is now, under a row lock, so concurrent updates do not mix. */
  public void update(Tenant tenant, long id, UnaryOperator<Customer> change, String actor) {
    tx.inTransaction(tenant, db -> {
      if (!customers.lock(db, id)) {
        throw new NotFoundException("Customers");
      }
      Customer c = change.apply(customers.find(db, id).orElseThrow());
      validate(c);
      requireUniqueSsnAndBirthDate(db, c, id);
      customers.update(db, id, c);
      audit.record(db, actor, "Customer", id, "update", summary(c));
      return null;
    });
  }

  public Customer get(Tenant tenant, long id) {
    return customers.find(tx.jdbc(tenant), id).orElseThrow(() -> new NotFoundException("Customers"));
  }

  /** The customers of a live loan and their roles. */
  public Map<Long, CustomerRole> linksOf(Tenant tenant, long loanId) {
    return customers.links(tx.jdbc(tenant), loanId);
  }

  /** For each loan, its first {@code limit} customers (by id) with their roles. */
  public Map<Long, List<CustomerRepository.Linked>> customersOf(Tenant tenant, List<Long> loanIds, int limit) {
    return loanIds.isEmpty() ? Map.of() : customers.customersOf(tx.jdbc(tenant), loanIds, limit);
  }

  /** For each customer, its first {@code limit} live loans (by id) that meet {@code within} (on lc.loan_id). */
  public Map<Long, List<Long>> loanIdsOf(Tenant tenant, List<Long> customerIds,
      org.openlms.app.api.odata.query.SqlFragment within, int limit) {
    return customerIds.isEmpty() ? Map.of() : customers.loanIds(tx.jdbc(tenant), customerIds, within, limit);
  }

  /**
   * Links, re-roles and unlinks customers of a loan. Joins the caller's transaction, so a loan PUT that also
   * changes other things commits all of it or nothing. Unlinks go first and primaries last, so moving the
   * primary role from one customer to another in one request works; a second primary is refused.
   */
  public void link(Tenant tenant, long loanId, List<LoanLink> links, String actor) {
    Set<Long> seen = new HashSet<>();
    for (LoanLink l : links) {
      if (!seen.add(l.customerId())) {
        throw new InvalidInputException("Customers: customer " + l.customerId() + " is given more than once");
      }
    }
    if (links.stream().filter(l -> !l.destroy() && l.role() == CustomerRole.PRIMARY).count() > 1) {
      throw new InvalidInputException("Customers: a loan has one primary customer; the request sets several");
    }
    List<LoanLink> ordered = new ArrayList<>(links);
    ordered.sort(Comparator.comparingInt(l -> l.destroy() ? 0 : l.role() == CustomerRole.PRIMARY ? 2 : 1));
    tx.inTransaction(tenant, db -> {
      loans.lock(db, loanId).orElseThrow(() -> new NotFoundException("Loans"));
      for (LoanLink l : ordered) {
        apply(db, loanId, l, actor);
      }
      return null;
    });
  }

  private void apply(JdbcClient db, long loanId, LoanLink l, String actor) {
    if (l.destroy()) {
      if (!customers.unlink(db, loanId, l.customerId())) {
        throw new InvalidInputException("Customers: customer " + l.customerId() + " is not linked to this loan");
      }
      audit.record(db, actor, "Loan", loanId, "unlinkCustomer", Map.of("customerId", l.customerId()));
      return;
    }
    if (!customers.lock(db, l.customerId())) {
      throw new NotFoundException("Customers");
    }
    if (l.role() == CustomerRole.PRIMARY) {
      customers.links(db, loanId).forEach((other, role) -> {
        if (role == CustomerRole.PRIMARY && other != l.customerId()) {
          throw new InvalidInputException("Customers: the loan already has a primary customer (" + other
              + "); unlink it or give it another role in the same request");
        }
      });
    }
    customers.link(db, loanId, l.customerId(), l.role());
    audit.record(db, actor, "Loan", loanId, "linkCustomer",
        Map.of("customerId", l.customerId(), "role", l.role().code()));
  }

  private static void validate(Customer c) {
    if (Customer.COMPANY.equals(c.customerType())) {
      if (blank(c.companyName())) {
        throw new InvalidInputException("companyName is required for a company customer");
      }
    } else if (blank(c.firstName()) || blank(c.lastName())) {
      throw new InvalidInputException("firstName and lastName are required for an individual customer");
    }
    if (c.mailAddress() == null) {
      throw new InvalidInputException("Mail Address is required");
    }
  }

  private void requireUniqueSsnAndBirthDate(JdbcClient db, Customer c, long exceptId) {
    if (!blank(c.ssn()) && c.birthDate() != null && customers.ssnAndBirthDateTaken(db, c.ssn(), c.birthDate(), exceptId)) {
      throw new InvalidInputException("A customer with this SSN and birth date already exists");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** What the audit row keeps: never the SSN, birth date or other identifiers. */
  private static Map<String, Object> summary(Customer c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("customerType", c.customerType());
    m.put("status", c.status());
    m.put("active", c.active());
    return m;
  }
}
