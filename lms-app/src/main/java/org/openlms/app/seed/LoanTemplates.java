package org.openlms.app.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openlms.app.loan.LoanSetup;
import org.openlms.app.loan.NewPayment;
import org.openlms.engine.payment.Application;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.schedule.Installment;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.schedule.ScheduleCalculator;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.StatusSnapshot;
import org.openlms.engine.terms.CalcType;
import org.openlms.engine.terms.DaysInYear;
import org.openlms.engine.terms.LateFeeCalc;
import org.openlms.engine.terms.LateFeeType;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

/**
 * Generates realistic loan kinds: the frequencies, rates, terms and amounts a consumer lender books, contract
 * dates over the last year, and payment histories where about one borrower in ten has stopped paying.
 * Deterministic for a given random seed.
 */
final class LoanTemplates {

  private LoanTemplates() {}

  /** {@code archiveDays}: how many of each kind's last days of status to keep for the archive (0: none). */
  static List<LoanTemplate> generate(int count, long seed, LocalDate asOf, int archiveDays) {
    Random r = new Random(seed);
    List<LoanTemplate> out = new ArrayList<>(count);
    while (out.size() < count) {
      out.add(one(r, asOf, archiveDays));
    }
    return out;
  }

  private static LoanTemplate one(Random r, LocalDate asOf, int archiveDays) {
    PaymentFrequency freq = pick(r, new PaymentFrequency[] {PaymentFrequency.MONTHLY, PaymentFrequency.MONTHLY,
        PaymentFrequency.MONTHLY, PaymentFrequency.MONTHLY, PaymentFrequency.MONTHLY, PaymentFrequency.MONTHLY,
        PaymentFrequency.BIWEEKLY, PaymentFrequency.SEMIMONTHLY, PaymentFrequency.WEEKLY, PaymentFrequency.QUARTERLY});
    int term = switch (freq) {
      case MONTHLY -> 12 * (1 + r.nextInt(6));
      case BIWEEKLY -> 26 * (1 + r.nextInt(3));
      case SEMIMONTHLY -> 24 * (1 + r.nextInt(3));
      case WEEKLY -> 52 * (1 + r.nextInt(2));
      default -> 4 * (2 + r.nextInt(4));
    };
    LocalDate contract = asOf.minusDays(30 + r.nextInt(335)); // histories of up to a year
    LocalDate first = switch (freq) {
      case MONTHLY -> contract.plusMonths(1);
      case QUARTERLY -> contract.plusMonths(3);
      case SEMIMONTHLY -> contract.plusDays(15);
      case BIWEEKLY -> contract.plusDays(14);
      default -> contract.plusDays(7);
    };
    BigDecimal amount = BigDecimal.valueOf(1_000 + 100L * r.nextInt(490)).setScale(2);
    BigDecimal rate = BigDecimal.valueOf(300 + r.nextInt(2700), 2);
    var b = LoanTerms.builder().loanAmount(amount).loanRate(rate).loanTerm(term).contractDate(contract)
        .firstPaymentDate(first).paymentFrequency(freq)
        .calcType(r.nextInt(20) == 0 ? CalcType.RULE_78 : CalcType.SIMPLE_INTEREST)
        .daysInYear(r.nextInt(5) == 0 ? DaysInYear.FREQUENCY : DaysInYear.ACTUAL);
    if (r.nextBoolean()) {
      b.graceDays(10).lateFee(LateFeeType.FLAT, "15.00", null, LateFeeCalc.STANDARD);
    }
    LoanTerms terms = b.build();
    Schedule schedule = ScheduleCalculator.calculate(terms);
    boolean stopsPaying = r.nextInt(10) == 0;
    int paidInstallments = Integer.MAX_VALUE;
    if (stopsPaying) {
      int due = (int) schedule.installments().stream().filter(i -> !i.dueDate().isAfter(asOf)).count();
      paidInstallments = Math.max(0, due - 1 - r.nextInt(3));
    }
    List<NewPayment> payments = new ArrayList<>();
    List<Payment> engine = new ArrayList<>();
    for (Installment i : schedule.installments()) {
      if (i.dueDate().isAfter(asOf) || payments.size() >= paidInstallments) {
        break;
      }
      BigDecimal pay = i.payment().setScale(2, RoundingMode.HALF_UP);
      payments.add(new NewPayment(i.dueDate(), pay, "Seeded payment", 1, 1, "payment.extra.tx.principal", false, null));
      engine.add(new Payment(payments.size(), i.dueDate(), pay, org.openlms.engine.payment.Waterfall.REGULAR,
          org.openlms.engine.payment.ExtraTowards.PRINCIPAL, false));
    }
    List<DayRow> days = Replayer.fromStart(schedule, CalcSettings.DEFAULT, engine, asOf);
    var state = days.get(days.size() - 1).state();
    List<Application> applied = days.stream().flatMap(d -> d.payments().stream()).toList();
    LoanSetup setup = new LoanSetup(terms, "loan.class.consumer", "loan.type.installment", schedule.disclosure());
    List<StatusSnapshot> archive = days.subList(Math.max(0, days.size() - archiveDays), days.size()).stream()
        .map(DayRow::status).toList();
    return new LoanTemplate(setup, payments, applied, state, state.daysPastDue() > 0, archive);
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... options) {
    return options[r.nextInt(options.length)];
  }
}
