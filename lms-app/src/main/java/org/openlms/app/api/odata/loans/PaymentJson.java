package org.openlms.app.api.odata.loans;

import org.openlms.app.api.odata.FieldReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.loan.NewPayment;
import org.openlms.app.loan.PaymentRecord;
import org.openlms.engine.payment.PaymentApplication;
import org.openlms.engine.terms.UnknownCodeException;
import tools.jackson.databind.JsonNode;

/**
 * Payments in LoanPro's JSON: new ones ({@code amount, date, info, paymentTypeId, paymentMethodId, extra,
 * customApplication}) and reversals ({@code __id} with {@code active: 0} and a {@code reverseReason}).
 */
final class PaymentJson {

  static final int REGULAR_TYPE = 1;
  private static final Set<String> EXTRA = Set.of("payment.extra.tx.principal", "payment.extra.periods.next",
      "payment.extra.tx.principalonly", "payment.extra.periods.principalonly");
  private static final Set<String> REASONS = Set.of("payment.reverse.nsf", "payment.reverse.checkBounce",
      "payment.reverse.clericalError", "payment.reverse.nachaErrorCode", "payment.reverse.other");
  private static final Set<String> KNOWN = Set.of("__metadata", "__update", "__id", "id", "amount", "date", "info",
      "paymentTypeId", "paymentMethodId", "extra", "customApplication", "active", "reverseReason", "reverseDate",
      "selectedProcessor", "early", "payoffFlag", "echeckAuthType", "paymentAccountId", "isOneTimeOnly", "quickPay",
      "resetPastDue", "chargeFeeType", "chargeFeeAmount", "chargeFeePercentage", "__logOnly", "__processorName",
      "nachaReturnCode", "status");

  private PaymentJson() {}

  record Reversal(long paymentId, String reason, LocalDate date) {}

  record Parsed(List<NewPayment> payments, List<Reversal> reversals) {}

  static Parsed read(JsonNode payments, LocalDate today) {
    NestedResults<NewPayment, Reversal> n = NestedResults.read("Payments", payments, KNOWN, PaymentJson::payment,
        r -> reversal(r, today));
    return new Parsed(n.added(), n.existing());
  }

  private static NewPayment payment(FieldReader r) {
    BigDecimal amount = r.decimal("amount");
    LocalDate date = r.date("date");
    Integer type = r.integer("paymentTypeId");
    Integer method = r.integer("paymentMethodId");
    String info = r.text("info", 1000);
    String extra = r.has("extra") ? r.text("extra", 100) : "payment.extra.tx.principal";
    if (amount == null) {
      r.fail("amount", "is required");
    } else if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
      r.fail("amount", "must be positive with at most 2 decimals");
    }
    if (date == null) {
      r.fail("date", "is required");
    }
    if (type == null || method == null) {
      r.fail(type == null ? "paymentTypeId" : "paymentMethodId", "is required");
    } else if (type != REGULAR_TYPE && !r.has("customApplication")) {
      r.fail("paymentTypeId", "only 1 (Regular) is configured; send customApplication for another order");
    }
    if (extra != null && !EXTRA.contains(extra)) {
      r.fail("extra", "must be one of " + EXTRA);
    }
    if (Boolean.TRUE.equals(r.flag("resetPastDue")) || Boolean.TRUE.equals(r.flag("__logOnly"))) {
      r.fail(Boolean.TRUE.equals(r.flag("resetPastDue")) ? "resetPastDue" : "__logOnly", "is not supported yet");
    }
    String application = customApplication(r);
    r.throwIfInvalid();
    boolean principalOnly = extra.endsWith("principalonly");
    String engineExtra = extra.startsWith("payment.extra.periods") && !principalOnly ? "payment.extra.periods.next"
        : "payment.extra.tx.principal";
    return new NewPayment(date, amount, info, type, method, engineExtra, principalOnly, application);
  }

  /** {@code customApplication} is a JSON string (or array) of application codes, e.g. ["payment.application.interest", ...]. */
  private static String customApplication(FieldReader r) {
    String raw = r.text("customApplication", 2000);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String[] codes = raw.replaceAll("[\\[\\]\"\\s]", "").split(",");
    try {
      for (String c : codes) {
        PaymentApplication.fromCode(c);
      }
    } catch (UnknownCodeException e) {
      r.fail("customApplication", e.getMessage());
      return null;
    }
    return String.join(",", codes);
  }

  private static Reversal reversal(FieldReader r, LocalDate today) {
    Integer id = r.integer("__id");
    Boolean active = r.flag("active");
    String reason = r.text("reverseReason", 100);
    LocalDate date = r.has("reverseDate") ? r.date("reverseDate") : today;
    if (!Boolean.FALSE.equals(active)) {
      r.fail("active", "only reversing a payment (active: 0) is supported on an existing payment");
    }
    if (reason == null || !REASONS.contains(reason)) {
      r.fail("reverseReason", "must be one of " + REASONS);
    }
    // chargeFee* is LoanPro's convenience fee of the payment itself, not an NSF fee: refused rather than
    // ignored on a reversal, with the way to charge one.
    for (String fee : List.of("chargeFeeAmount", "chargeFeePercentage")) {
      java.math.BigDecimal v = r.decimal(fee);
      if (v != null && v.signum() != 0) {
        r.fail(fee, "a reversal charges no fee itself; to charge an NSF fee send it in the same request as "
            + "{\"Charges\":{\"results\":[{\"chargeTypeId\":2,\"amount\":..,\"date\":..}]}}");
      }
    }
    r.throwIfInvalid();
    return new Reversal(id, reason, date);
  }

  /** The fields a loan's payments and charges share, in LoanPro's order. */
  static Map<String, Object> entry(String set, String type, long id, long loanId, java.math.BigDecimal amount,
      java.time.LocalDate date, String info, String base) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", base + set + "(id=" + id + ")", "type", type));
    m.put("id", id);
    m.put("displayId", id);
    m.put("entityType", "Entity.Loan");
    m.put("entityId", loanId);
    m.put("modId", 0);
    m.put("amount", ODataFormat.money(amount));
    m.put("date", ODataFormat.date(date));
    m.put("info", info);
    return m;
  }

  static Map<String, Object> view(PaymentRecord p, String base) {
    Map<String, Object> m = entry("Payments", "Entity.Payment", p.id(), p.loanId(), p.amount(), p.date(), p.info(),
        base);
    m.put("paymentTypeId", p.paymentTypeId());
    m.put("paymentMethodId", p.paymentMethodId());
    m.put("extra", p.principalOnly() ? "payment.extra.tx.principalonly" : p.extra());
    m.put("customApplication", p.application() == null ? null : "[\"" + p.application().replace(",", "\",\"") + "\"]");
    m.put("active", p.active() ? 1 : 0);
    m.put("reverseReason", p.reverseReason());
    m.put("reverseDate", ODataFormat.date(p.reverseDate()));
    m.put("principalAmount", ODataFormat.money(p.appliedPrincipal()));
    m.put("interestAmount", ODataFormat.money(p.appliedInterest()));
    m.put("feesAmount", ODataFormat.money(p.appliedFees()));
    m.put("created", ODataFormat.date(p.created()));
    return m;
  }
}
