package org.openlms.app.api.odata.loans;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openlms.app.api.ODataFormat;
import org.openlms.engine.state.StatusSnapshot;

/** A StatusArchive row in LoanPro's shape (money as strings, dates as /Date()/, counters as numbers). */
final class ArchiveJson {

  private ArchiveJson() {}

  static Map<String, Object> view(long loanId, StatusSnapshot s, String base) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", base + "LoanStatusArchive(loanId=" + loanId + ",date=datetime'" + s.date() + "')",
        "type", "Entity.StatusArchive"));
    m.put("id", loanId); // as LoanPro's rows, which its documentation filters by loan with id eq N
    m.put("loanId", loanId);
    m.put("date", ODataFormat.date(s.date()));
    m.put("amountDue", ODataFormat.money(s.amountDue()));
    m.put("dueInterest", ODataFormat.money(s.dueInterest()));
    m.put("duePrincipal", ODataFormat.money(s.duePrincipal()));
    m.put("dueFees", ODataFormat.money(s.dueFees()));
    m.put("duePni", ODataFormat.money(s.duePni()));
    m.put("nextPaymentDate", ODataFormat.date(s.nextPaymentDate()));
    m.put("nextPaymentAmount", ODataFormat.money(s.nextPaymentAmount()));
    m.put("lastPaymentDate", ODataFormat.date(s.lastPaymentDate()));
    m.put("lastPaymentAmount", ODataFormat.money(s.lastPaymentAmount()));
    m.put("principalBalance", ODataFormat.money(s.principalBalance()));
    m.put("daysPastDue", s.daysPastDue());
    m.put("dateLastCurrent", ODataFormat.date(s.dateLastCurrent()));
    m.put("amountPastDue30", ODataFormat.money(s.amountPastDue30()));
    m.put("dateLastCurrent30", ODataFormat.date(s.dateLastCurrent30()));
    m.put("firstDelinquencyDate", ODataFormat.date(s.firstDelinquencyDate()));
    m.put("uniqueDelinquencies", s.uniqueDelinquencies());
    m.put("delinquentDays", s.delinquentDays());
    m.put("payoff", ODataFormat.money(s.payoff()));
    m.put("perdiem", ODataFormat.money(s.perdiem()));
    m.put("interestAccruedToday", ODataFormat.money(s.interestAccruedToday()));
    m.put("periodStart", ODataFormat.date(s.periodStart()));
    m.put("periodEnd", ODataFormat.date(s.periodEnd()));
    m.put("periodsRemaining", s.periodsRemaining());
    m.put("finalPaymentDate", ODataFormat.date(s.finalPaymentDate()));
    m.put("finalPaymentAmount", ODataFormat.money(s.finalPaymentAmount()));
    m.put("loanAge", s.loanAge());
    return m;
  }
}
