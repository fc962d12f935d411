package org.openlms.engine.replay;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openlms.engine.payment.Application;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.payment.PaymentApplier;
import org.openlms.engine.payment.PaymentResult;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.DayResult;
import org.openlms.engine.state.DayStep;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.StatusSnapshot;

/**
 * Recomputes a loan day by day. Each day: the day step, then that day's payments in list order.
 * {@link #fromStart} begins at the contract date; {@link #replayFrom} begins the day after a known state (the
 * state at the end of the day before a back-dated payment or a reversal). Both are deterministic, so a replay
 * from day F over a state computed without a change equals a run from the start with it.
 */
public final class Replayer {
    private Replayer() {
    }

    public static List<DayRow> fromStart(Schedule schedule, CalcSettings settings, List<Payment> payments,
                                         LocalDate through) {
        return replayFrom(LoanState.open(schedule), settings, payments, through);
    }

    /** Steps from {@code before.date() + 1} through {@code through}, applying payments dated in that range. */
    public static List<DayRow> replayFrom(LoanState before, CalcSettings settings, List<Payment> payments,
                                          LocalDate through) {
        List<Payment> sorted = new ArrayList<>(payments);
        sorted.sort(Comparator.comparing(Payment::date)); // stable: same-day payments keep their order
        LocalDate start = before.date().plusDays(1);
        int p = 0;
        while (p < sorted.size() && sorted.get(p).date().isBefore(start)) {
            p++; // already reflected in {@code before}
        }
        List<DayRow> rows = new ArrayList<>();
        LoanState state = before;
        for (LocalDate day = start; !day.isAfter(through); day = day.plusDays(1)) {
            DayResult r = DayStep.step(state, day);
            state = r.state();
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
                    applied));
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
}
