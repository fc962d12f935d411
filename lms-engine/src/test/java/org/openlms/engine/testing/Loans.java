package org.openlms.engine.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.schedule.ScheduleCalculator;
import org.openlms.engine.state.DayStep;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.terms.DaysInYear;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.LoanTermsBuilder;

/** Test fixtures: a few standard loans and a driver that steps days. */
public final class Loans {
    private Loans() {
    }

    /** 12,000.00 at 12 % a year, 12 monthly payments, a regular first month, daysInYear frequency. */
    public static LoanTermsBuilder monthlyFrequency() {
        return LoanTerms.builder().loanAmount("12000.00").loanRate("12").loanTerm(12)
                .contractDate("2023-01-15").firstPaymentDate("2023-02-15").daysInYear(DaysInYear.FREQUENCY);
    }

    /** 10,000.00 at 10 % a year, 24 monthly payments, a regular first month, daysInYear actual. */
    public static LoanTermsBuilder monthlyActual() {
        return LoanTerms.builder().loanAmount("10000.00").loanRate("10").loanTerm(24)
                .contractDate("2023-01-15").firstPaymentDate("2023-02-15").daysInYear(DaysInYear.ACTUAL);
    }

    public static Schedule schedule(LoanTermsBuilder b) {
        return ScheduleCalculator.calculate(b.build());
    }

    /** Steps from the open state through {@code through} with no payments. */
    public static LoanState stepThrough(LoanState s, LocalDate through) {
        LoanState state = s;
        while (state.date().isBefore(through)) {
            state = DayStep.step(state, state.date().plusDays(1)).state();
        }
        return state;
    }

    public static List<Payment> payAsScheduled(Schedule s) {
        List<Payment> out = new ArrayList<>();
        for (int k = 0; k < s.size(); k++) {
            if (s.get(k).payment().signum() == 0) {
                continue; // e.g. interest only at 0 %: nothing to pay
            }
            out.add(new Payment(k + 1, s.dueDate(k), s.get(k).payment(),
                    org.openlms.engine.payment.Waterfall.REGULAR, org.openlms.engine.payment.ExtraTowards.PRINCIPAL,
                    false));
        }
        return out;
    }

    public static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }
}
