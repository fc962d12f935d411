package org.openlms.app.api.odata.loans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.loan.LoanTransaction;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A LoanTransaction in LoanPro's shape: money as strings, {@code displayOrder} as a string, flags as 0/1. */
final class TransactionJson {

  /** LoanPro's "zero date" for periods an info row has none of. */
  private static final String ZERO_DATE = "/Date(-62169984000)/";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private TransactionJson() {}

  /**
   * The rows as one JSON array whose keys are the columns of {@code ODataEntitySets.TRANSACTION_ROWS}, so that
   * PostgreSQL can filter and sort them; {@code ord} is the 1-based place of each row in {@code all}.
   */
  static String rowsJson(long loanId, List<LoanTransaction> all) {
    List<Map<String, Object>> rows = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      LoanTransaction t = all.get(i);
      Map<String, Object> m = new HashMap<>();
      m.put("ord", i + 1);
      m.put("tx_id", t.txId());
      m.put("entity_id", loanId);
      m.put("type", t.type());
      m.put("title", t.title());
      m.put("date", t.date().toString());
      m.put("period", t.period());
      m.put("period_start", t.periodStart() == null ? null : t.periodStart().toString());
      m.put("period_end", t.periodEnd() == null ? null : t.periodEnd().toString());
      m.put("info_only", t.infoOnly() ? 1 : 0);
      m.put("payment_id", t.paymentId() == null ? 0 : t.paymentId());
      m.put("payment_amount", t.paymentAmount());
      m.put("payment_interest", t.paymentInterest());
      m.put("payment_principal", t.paymentPrincipal());
      m.put("payment_fees", t.paymentFees());
      m.put("charge_amount", t.chargeAmount());
      m.put("future", t.future() ? 1 : 0);
      m.put("principal_balance", t.principalBalance());
      rows.add(m);
    }
    return JSON.writeValueAsString(rows);
  }

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
    m.put("infoDetails", null);
    m.put("paymentId", t.paymentId() == null ? 0 : t.paymentId());
    m.put("paymentDisplayId", t.paymentId() == null ? 0 : t.paymentId()); // a payment's displayId is its id here
    m.put("paymentAmount", ODataFormat.money(t.paymentAmount()));
    m.put("paymentInterest", ODataFormat.money(t.paymentInterest()));
    m.put("paymentPrincipal", ODataFormat.money(t.paymentPrincipal()));
    m.put("paymentDiscount", "0");
    m.put("paymentFees", ODataFormat.money(t.paymentFees()));
    m.put("feesPaidDetails", null);
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
