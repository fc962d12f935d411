package org.openlms.app.api.odata.loans;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.loan.LoanTransaction;

/** A LoanTransaction in LoanPro's shape: money as strings, {@code displayOrder} as a string, flags as 0/1. */
final class TransactionJson {

  /** LoanPro's "zero date" for periods an info row has none of. */
  private static final String ZERO_DATE = "/Date(-62169984000)/";

  private TransactionJson() {}

  static Map<String, Object> view(long loanId, LoanTransaction t, int order, String base) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", base + "LoanTransactions(id=" + t.txId() + ")", "type", "Entity.LoanTransaction"));
    m.put("txId", t.txId());
    m.put("entityType", "Entity.Loan");
    m.put("entityId", loanId);
    m.put("modId", 0);
    m.put("date", ODataFormat.date(t.date()));
    m.put("period", t.period());
    m.put("periodStart", t.periodStart() == null ? ZERO_DATE : ODataFormat.date(t.periodStart()));
    m.put("periodEnd", t.periodEnd() == null ? ZERO_DATE : ODataFormat.date(t.periodEnd()));
    m.put("title", t.title());
    m.put("type", t.type());
    m.put("infoOnly", t.infoOnly() ? 1 : 0);
    m.put("paymentId", t.paymentId() == null ? 0 : t.paymentId());
    m.put("paymentAmount", ODataFormat.money(t.paymentAmount()));
    m.put("paymentInterest", ODataFormat.money(t.paymentInterest()));
    m.put("paymentPrincipal", ODataFormat.money(t.paymentPrincipal()));
    m.put("paymentDiscount", "0");
    m.put("paymentFees", ODataFormat.money(t.paymentFees()));
    m.put("paymentEscrow", "0");
    m.put("chargeAmount", ODataFormat.money(t.chargeAmount()));
    m.put("chargeInterest", "0");
    m.put("chargePrincipal", "0");
    m.put("chargeFees", ODataFormat.money(t.chargeAmount()));
    m.put("future", t.future() ? 1 : 0);
    m.put("principalBalance", ODataFormat.money(t.principalBalance()));
    m.put("displayOrder", String.valueOf(order));
    return m;
  }
}
