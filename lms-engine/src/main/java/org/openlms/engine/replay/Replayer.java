package org.openlms.engine.replay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openlms.engine.fees.Charge;
import org.openlms.engine.fees.ChargeApplier;
import org.openlms.engine.payment.Application;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.payment.PaymentApplier;
import org.openlms.engine.payment.PaymentResult;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.state.Adjustment;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.DayResult;
import org.openlms.engine.state.DayStep;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.StatusSnapshot;

/**
 * Recomputes a loan day by day. Each day: the day step, then that day's charges, then its payments, each in
 * list order (so a payment pays a charge dated the same day, as it pays an installment due that day).
 * {@link #fromStart} begins at the contract date; {@link #replayFrom} begins the day after a known state (the
 * state at the end of the day before a back-dated payment or a reversal). Both are deterministic, so a replay
 * from day F over a state computed without a change equals a run from the start with it.
 */
public final class Replayer {
    private Replayer() {
    }

    public static List<DayRow> fromStart(Schedule schedule, CalcSettings settings, List<Payment> payments,
                                         LocalDate through) {
        return fromStart(schedule, settings, payments, List.of(), through);
    }

    public static List<DayRow> fromStart(Schedule schedule, CalcSettings settings, List<Payment> payments,
                                         List<Charge> charges, LocalDate through) {
        return replayFrom(LoanState.open(schedule), settings, payments, charges, through);
    }

    public static List<DayRow> fromStart(Schedule schedule, CalcSettings settings, List<Payment> payments,
                                         List<Charge> charges, List<Adjustment> adjustments, LocalDate through) {
        return replayFrom(LoanState.open(schedule), settings, payments, charges, adjustments, through);
    }

    public static List<DayRow> replayFrom(LoanState before, CalcSettings settings, List<Payment> payments,
                                          LocalDate through) {
        return replayFrom(before, settings, payments, List.of(), through);
    }

    public static List<DayRow> replayFrom(LoanState before, CalcSettings settings, List<Payment> payments,
                                          List<Charge> charges, LocalDate through) {
        return replayFrom(before, settings, payments, charges, List.of(), through);
    }

    /**
     * Steps from {@code before.date() + 1} through {@code through}, applying charges, adjustments and payments
     * dated in that range, in that order within a day; those dated earlier are taken as already reflected in
     * {@code before}.
     */
    public static List<DayRow> replayFrom(LoanState before, CalcSettings settings, List<Payment> payments,
                                          List<Charge> charges, List<Adjustment> adjustments, LocalDate through) {
        List<Payment> sorted = new ArrayList<>(payments);
        sorted.sort(Comparator.comparing(Payment::date)); // stable: same-day payments keep their order
        List<Charge> sortedCharges = new ArrayList<>(charges);
        sortedCharges.sort(Comparator.comparing(Charge::date));
        LocalDate start = before.date().plusDays(1);
        int p = 0;
        while (p < sorted.size() && sorted.get(p).date().isBefore(start)) {
            p++; // already reflected in {@code before}
        }
        int c = 0;
        while (c < sortedCharges.size() && sortedCharges.get(c).date().isBefore(start)) {
            c++;
        }
        List<Adjustment> sortedAdjustments = new ArrayList<>(adjustments);
        sortedAdjustments.sort(Comparator.comparing(Adjustment::date));
        int a = 0;
        while (a < sortedAdjustments.size() && sortedAdjustments.get(a).date().isBefore(start)) {
            a++;
        }
        List<DayRow> rows = new ArrayList<>();
        LoanState state = before;
        for (LocalDate day = start; !day.isAfter(through); day = day.plusDays(1)) {
            DayResult r = DayStep.step(state, day);
            state = r.state();
            List<Charge> charged = List.of();
            while (c < sortedCharges.size() && sortedCharges.get(c).date().equals(day)) {
                Charge charge = sortedCharges.get(c++);
                state = ChargeApplier.applyTo(state, charge);
                if (charged.isEmpty()) {
                    charged = new ArrayList<>(1);
                }
                charged.add(charge);
            }
            while (a < sortedAdjustments.size() && sortedAdjustments.get(a).date().equals(day)) {
                state = sortedAdjustments.get(a++).applyTo(state);
            }
            List<Application> applied = List.of();
            while (p < sorted.size() && sorted.get(p).date().equals(day)) {
                PaymentResult pr = PaymentApplier.apply(state, sorted.get(p++));
                state = pr.state();
                if (applied.isEmpty()) {
                    applied = new ArrayList<>(1);
                }
                applied.add(pr.application());
            }
            rows.add(new DayRow(day, state, StatusSnapshot.of(state, settings), r.postings(), r.events(),
                    charged, applied));
        }
        return rows;
    }

    /**
     * The reverse-calculated archive from {@code from} through {@code through}, for a caller that does not keep
     * engine states: it recomputes from the contract date (about a microsecond per loan-day or less) and returns
     * the rows from {@code from} on.
     */
    public static List<DayRow> archiveFrom(Schedule schedule, CalcSettings settings, List<Payment> payments,
                                           LocalDate from, LocalDate through) {
        List<DayRow> all = fromStart(schedule, settings, payments, through);
        int skip = (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(schedule.terms().contractDate(), from));
        return List.copyOf(all.subList(Math.min(skip, all.size()), all.size()));
    }

    /** The loan as it would be without payment {@code paymentId}: a replay from that payment's date. */
    public static List<DayRow> reverse(LoanState dayBeforePayment, CalcSettings settings, List<Payment> payments,
                                       long paymentId, LocalDate through) {
        List<Payment> kept = payments.stream().filter(x -> x.id() != paymentId).toList();
        return replayFrom(dayBeforePayment, settings, kept, through);
    }

    /** The loan as it would be without charge {@code chargeId}: a replay from that charge's date. */
    public static List<DayRow> reverseCharge(LoanState dayBeforeCharge, CalcSettings settings, List<Payment> payments,
                                             List<Charge> charges, long chargeId, LocalDate through) {
        List<Charge> kept = charges.stream().filter(x -> x.id() != chargeId).toList();
        return replayFrom(dayBeforeCharge, settings, payments, kept, through);
    }
}
