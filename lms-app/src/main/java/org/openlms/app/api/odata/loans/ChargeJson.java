package org.openlms.app.api.odata.loans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.api.odata.FieldReader;
import org.openlms.app.loan.ChargeRecord;
import org.openlms.app.loan.NewCharge;
import tools.jackson.databind.JsonNode;

/**
 * Charges in LoanPro's JSON: new ones ({@code amount, date, info, chargeTypeId, chargeApplicationType,
 * interestBearing}) and reversals of existing ones ({@code __id} with {@code active: 0}, or {@code __delete}).
 * What the engine does not model is refused by name rather than ignored: interest-bearing charges, payoff-only
 * charges ({@code loan.latefeeapp.payoff}) and charges left out of past due ({@code pastDueCalculation: 0}).
 */
final class ChargeJson {

  static final String STANDARD = "loan.latefeeapp.standard";
  private static final String PAYOFF = "loan.latefeeapp.payoff";
  private static final Set<String> KNOWN = Set.of("__metadata", "__update", "__id", "__delete", "id", "amount",
      "date", "info", "chargeTypeId", "chargeApplicationType", "interestBearing", "displayId", "priorcutoff",
      "active", "order", "editComment", "isReversal", "pastDueCalculation", "expansion");

  private ChargeJson() {}

  record Reversal(long chargeId, String comment) {}

  record Parsed(List<NewCharge> charges, List<Reversal> reversals) {}

  static Parsed read(JsonNode charges) {
    NestedResults<NewCharge, Reversal> n = NestedResults.read("Charges", charges, KNOWN, ChargeJson::charge,
        ChargeJson::reversal);
    return new Parsed(n.added(), n.existing());
  }

  private static NewCharge charge(FieldReader r) {
    BigDecimal amount = r.decimal("amount");
    LocalDate date = r.date("date");
    Integer type = r.integer("chargeTypeId");
    String info = r.text("info", 1000);
    String application = r.has("chargeApplicationType") ? r.text("chargeApplicationType", 100) : STANDARD;
    if (amount == null) {
      r.fail("amount", "is required");
    } else if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
      r.fail("amount", "must be positive with at most 2 decimals");
    }
    if (date == null) {
      r.fail("date", "is required");
    }
    if (type == null) {
      r.fail("chargeTypeId", "is required");
    }
    if (PAYOFF.equals(application)) {
      r.fail("chargeApplicationType", "payoff charges (" + PAYOFF + ") are not supported yet; use " + STANDARD);
    } else if (application != null && !STANDARD.equals(application)) {
      r.fail("chargeApplicationType", "must be " + STANDARD);
    }
    if (Boolean.TRUE.equals(r.flag("interestBearing"))) {
      r.fail("interestBearing", "interest-bearing charges are not supported; send 0");
    }
    if (Boolean.FALSE.equals(r.flag("pastDueCalculation"))) {
      r.fail("pastDueCalculation", "charges always count in the amount past due; send 1 or leave it out");
    }
    if (Boolean.TRUE.equals(r.flag("isReversal"))) {
      r.fail("isReversal", "reverse a charge with {\"__id\":N,\"active\":0}");
    }
    if (Boolean.FALSE.equals(r.flag("active"))) {
      r.fail("active", "a new charge is active; reverse an existing one with its __id");
    }
    r.throwIfInvalid();
    return new NewCharge(date, amount, info, type, STANDARD);
  }

  /** {@code {"__id":N,"__update":true,"active":0}} or {@code {"__id":N,"__delete":true}}: void the charge. */
  private static Reversal reversal(FieldReader r) {
    Integer id = r.integer("__id");
    boolean delete = Boolean.TRUE.equals(r.flag("__delete"));
    Boolean active = r.flag("active");
    String comment = r.text("editComment", 1000);
    if (!delete && !Boolean.FALSE.equals(active)) {
      r.fail("active", "only reversing a charge (active: 0, or __delete: true) is supported on an existing charge");
    }
    for (String field : List.of("amount", "date", "chargeTypeId", "chargeApplicationType", "interestBearing")) {
      if (r.has(field)) {
        r.fail(field, "a charge cannot be edited; reverse it and add a new one");
      }
    }
    r.throwIfInvalid();
    return new Reversal(id, comment);
  }

  static Map<String, Object> view(ChargeRecord c, String base) {
    Map<String, Object> m = PaymentJson.entry("LoanCharges", "Entity.LoanCharge", c.id(), c.loanId(), c.amount(),
        c.date(), c.info(), base);
    m.put("chargeTypeId", c.chargeTypeId());
    m.put("chargeApplicationType", c.chargeApplicationType());
    m.put("interestBearing", c.interestBearing() ? 1 : 0);
    m.put("active", c.active() ? 1 : 0);
    m.put("isReversal", 0);
    m.put("pastDueCalculation", 1);
    m.put("editComment", c.editComment());
    m.put("reversed", ODataFormat.date(c.reversed()));
    m.put("created", ODataFormat.date(c.created()));
    return m;
  }
}
