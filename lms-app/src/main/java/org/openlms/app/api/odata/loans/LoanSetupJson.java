package org.openlms.app.api.odata.loans;

import org.openlms.app.api.odata.FieldReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.loan.LoanSetup;
import org.openlms.engine.schedule.Disclosure;
import org.openlms.engine.schedule.ScheduleCalculator;
import org.openlms.engine.terms.CalcType;
import org.openlms.engine.terms.DaysInYear;
import org.openlms.engine.terms.FieldError;
import org.openlms.engine.terms.FirstPeriodDays;
import org.openlms.engine.terms.InterestApplication;
import org.openlms.engine.terms.LateFeeCalc;
import org.openlms.engine.terms.LateFeePercentBase;
import org.openlms.engine.terms.LateFeeType;
import org.openlms.engine.terms.LoanRateType;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.LoanTermsBuilder;
import org.openlms.engine.terms.LoanTermsValidator;
import org.openlms.engine.terms.PaymentFrequency;
import tools.jackson.databind.JsonNode;

/**
 * LoanSetup in LoanPro's JSON: read into the engine's terms (merged over the current ones on update) and
 * written back with the computed figures. LoanPro fields we do not model yet are accepted only with their
 * neutral value, so a client round-tripping a full LoanSetup works and a real request for them is refused.
 */
final class LoanSetupJson {

  static final String CLASS_CONSUMER = "loan.class.consumer";
  static final String TYPE_INSTALLMENT = "loan.type.installment";
  private static final Set<String> CLASSES = Set.of("loan.class.carLoan", CLASS_CONSUMER, "loan.class.mortgage",
      "loan.class.other");
  /** Computed or identifying fields: clients send them back; they are ignored on input. */
  private static final Set<String> READ_ONLY = Set.of("__metadata", "__update", "__id", "id", "loanId", "modId",
      "apr", "payment", "origFinalPaymentDate", "origFinalPaymentAmount", "tilFinanceCharge", "tilTotalOfPayments",
      "tilLoanAmount", "tilSalesPrice", "tilPaymentSchedule", "isSetupValid", "active", "aprForceSingle",
      "regzCustomEnabled", "regzApr", "regzFinanceCharge", "regzAmountFinanced", "regzTotalOfPayments");
  private static final Set<String> MODELLED = Set.of("loanAmount", "loanRate", "loanRateType", "loanTerm",
      "contractDate", "firstPaymentDate", "paymentFrequency", "calcType", "daysInYear", "firstPeriodDays",
      "firstDayInterest", "interestApplication", "lastAsFinal", "roundDecimals", "dueDateOnLastDOM", "graceDays",
      "lateFeeType", "lateFeeAmount", "lateFeePercent", "lateFeeCalc", "lateFeePercentBase", "loanClass", "loanType");
  /** LoanPro LoanSetup fields not modelled yet, with the values that mean "not used". */
  private static final Set<String> NEUTRAL_ONLY = Set.of("discount", "underwriting", "amountDown", "reserve",
      "salesPrice", "gap", "warranty", "dealerProfit", "taxes", "creditLimit", "discountSplit", "begEnd",
      "discountCalc", "diyAlt", "daysInPeriod", "curtailPercentBase", "nddCalc", "endInterest", "feesPaidBy",
      "paymentDateApp", "scheduleRound", "moneyFactor", "residual", "reportingCreditLimit", "dueDatesOnBusinessDays",
      "scheduleTemplate", "curtailmentTemplate", "useInterestTiers", "calcHistoryEnabled", "calcDatesEnabled",
      "rollLastPayment", "suspendForecastTo", "usuryAlert", "maxInterestAmount", "financeChargeAsMIA",
      "actual360Base", "includesFinalDayInterest", "loanRateMethod");
  private static final Set<String> NEUTRAL_VALUES = Set.of("", "0", "0.00", "0.0", "false", "0000-00-00",
      "/Date(-62169984000)/", "loan.begend.end", "loan.discountCalc.full", "loan.nddCalc.standard",
      "loan.endInterest.no", "loan.feesPaidBy.date", "loan.pmtdateapp.actual", "loan.businessduedates.disabled");

  private LoanSetupJson() {}

  /** The setup a request asks for, or {@code current} changed by the request; the schedule is recomputed. */
  static LoanSetup read(JsonNode node, LoanSetup current) {
    if (node == null || !node.isObject()) {
      throw new InvalidInputException("LoanSetup must be an object");
    }
    FieldReader r = new FieldReader("LoanSetup", node);
    for (String name : node.propertyNames()) {
      if (READ_ONLY.contains(name) || MODELLED.contains(name)) {
        continue;
      }
      if (NEUTRAL_ONLY.contains(name)) {
        JsonNode v = node.get(name);
        if (!v.isNull() && !NEUTRAL_VALUES.contains(v.asString().strip())) {
          r.fail(name, "is not supported yet; only its neutral value is accepted");
        }
      } else {
        r.fail(FieldReader.clip(name), "unknown field");
      }
    }
    LoanTermsBuilder b = current == null ? LoanTerms.builder() : current.terms().toBuilder();
    if (r.has("loanAmount")) b.loanAmount(r.decimal("loanAmount"));
    if (r.has("loanRate")) b.loanRate(r.decimal("loanRate"));
    if (r.has("loanRateType")) b.loanRateType(r.code("loanRateType", LoanRateType.class));
    if (r.has("loanTerm")) b.loanTerm(orZero(r.integer("loanTerm")));
    if (r.has("contractDate")) b.contractDate(r.date("contractDate"));
    if (r.has("firstPaymentDate")) b.firstPaymentDate(r.date("firstPaymentDate"));
    if (r.has("paymentFrequency")) b.paymentFrequency(r.code("paymentFrequency", PaymentFrequency.class));
    if (r.has("calcType")) b.calcType(r.code("calcType", CalcType.class));
    if (r.has("daysInYear")) b.daysInYear(r.code("daysInYear", DaysInYear.class));
    if (r.has("firstPeriodDays")) b.firstPeriodDays(r.code("firstPeriodDays", FirstPeriodDays.class));
    if (r.has("firstDayInterest")) b.firstDayInterest(Boolean.TRUE.equals(r.flag("firstDayInterest")));
    if (r.has("interestApplication")) b.interestApplication(r.code("interestApplication", InterestApplication.class));
    if (r.has("lastAsFinal")) b.lastAsFinal(Boolean.TRUE.equals(r.flag("lastAsFinal")));
    if (r.has("roundDecimals")) b.roundDecimals(orZero(r.integer("roundDecimals")));
    if (r.has("dueDateOnLastDOM")) b.dueDateOnLastDOM(Boolean.TRUE.equals(r.flag("dueDateOnLastDOM")));
    if (r.has("graceDays")) b.graceDays(orZero(r.integer("graceDays")));
    if (r.has("lateFeePercentBase")) b.lateFeePercentBase(r.code("lateFeePercentBase", LateFeePercentBase.class));
    readLateFee(r, b, current);
    String loanClass = r.has("loanClass") ? r.text("loanClass", 100) : current == null ? CLASS_CONSUMER : current.loanClass();
    if (loanClass != null && !CLASSES.contains(loanClass)) {
      r.fail("loanClass", "must be one of " + CLASSES);
    }
    String loanType = r.has("loanType") ? r.text("loanType", 100) : current == null ? TYPE_INSTALLMENT : current.loanType();
    if (loanType != null && !TYPE_INSTALLMENT.equals(loanType)) {
      r.fail("loanType", "only loan.type.installment is supported (lines of credit and leases come later)");
    }
    r.throwIfInvalid();
    LoanTerms terms = b.build();
    var problems = LoanTermsValidator.validate(terms);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(String.join("; ",
          problems.stream().map(FieldError::toString).map(s -> "LoanSetup." + s).toList()));
    }
    try {
      return new LoanSetup(terms, loanClass, loanType, ScheduleCalculator.calculate(terms).disclosure());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new InvalidInputException("LoanSetup: these terms cannot be scheduled: " + e.getMessage());
    }
  }

  private static void readLateFee(FieldReader r, LoanTermsBuilder b, LoanSetup current) {
    if (!r.has("lateFeeType") && !r.has("lateFeeAmount") && !r.has("lateFeePercent") && !r.has("lateFeeCalc")) {
      return;
    }
    LoanTerms cur = current == null ? null : current.terms();
    LateFeeType type = r.has("lateFeeType") ? r.code("lateFeeType", LateFeeType.class) : cur == null ? null : cur.lateFeeType();
    var amount = r.has("lateFeeAmount") ? r.decimal("lateFeeAmount") : cur == null ? null : cur.lateFeeAmount();
    var percent = r.has("lateFeePercent") ? r.decimal("lateFeePercent") : cur == null ? null : cur.lateFeePercent();
    LateFeeCalc calc = r.has("lateFeeCalc") ? r.code("lateFeeCalc", LateFeeCalc.class)
        : cur == null ? LateFeeCalc.STANDARD : cur.lateFeeCalc();
    b.lateFee(type, amount == null ? null : amount.toPlainString(), percent == null ? null : percent.toPlainString(),
        calc == null ? LateFeeCalc.STANDARD : calc);
  }

  private static int orZero(Integer v) {
    return v == null ? 0 : v;
  }

  static Map<String, Object> view(long loanId, LoanSetup s, boolean active, String base) {
    LoanTerms t = s.terms();
    Disclosure d = s.disclosure();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", base + "LoanSetup(id=" + loanId + ")", "type", "Entity.LoanSetup"));
    m.put("id", loanId);
    m.put("loanId", loanId);
    m.put("modId", 0);
    m.put("active", active ? 1 : 0);
    m.put("loanClass", s.loanClass());
    m.put("loanType", s.loanType());
    m.put("loanAmount", ODataFormat.money(t.loanAmount()));
    m.put("loanRate", ODataFormat.money(t.loanRate()));
    m.put("loanRateType", t.loanRateType().code());
    m.put("loanTerm", String.valueOf(t.loanTerm()));
    m.put("contractDate", ODataFormat.date(t.contractDate()));
    m.put("firstPaymentDate", ODataFormat.date(t.firstPaymentDate()));
    m.put("paymentFrequency", t.paymentFrequency().code());
    m.put("calcType", t.calcType().code());
    m.put("daysInYear", t.daysInYear().code());
    m.put("firstPeriodDays", t.firstPeriodDays().code());
    m.put("firstDayInterest", t.firstDayInterest() ? 1 : 0);
    m.put("interestApplication", t.interestApplication().code());
    m.put("lastAsFinal", t.lastAsFinal() ? 1 : 0);
    m.put("roundDecimals", t.roundDecimals());
    m.put("dueDateOnLastDOM", t.dueDateOnLastDOM() ? 1 : 0);
    m.put("graceDays", t.graceDays());
    m.put("lateFeeType", t.lateFeeType() == null ? null : t.lateFeeType().code());
    m.put("lateFeeAmount", ODataFormat.money(t.lateFeeAmount()));
    m.put("lateFeePercent", ODataFormat.money(t.lateFeePercent()));
    m.put("lateFeeCalc", t.lateFeeCalc().code());
    m.put("lateFeePercentBase", t.lateFeePercentBase().code());
    m.put("apr", ODataFormat.money(d.apr()));
    m.put("payment", ODataFormat.money(d.payment()));
    m.put("origFinalPaymentDate", ODataFormat.date(d.origFinalPaymentDate()));
    m.put("origFinalPaymentAmount", ODataFormat.money(d.origFinalPaymentAmount()));
    m.put("tilFinanceCharge", ODataFormat.money(d.tilFinanceCharge()));
    m.put("tilTotalOfPayments", ODataFormat.money(d.tilTotalOfPayments()));
    m.put("tilLoanAmount", ODataFormat.money(d.tilLoanAmount()));
    m.put("isSetupValid", true);
    return m;
  }
}
