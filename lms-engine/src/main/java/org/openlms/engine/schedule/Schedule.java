package org.openlms.engine.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openlms.engine.terms.LoanTerms;

/**
 * The loan's schedule, computed once at setup; the day step keeps only an index into it.
 *
 * <p>A schedule can also be {@linkplain #deferred deferred}: known only by its size and a few installments (those a
 * quiet day reads: the current one and the last), and computed in full from the terms the first time anything
 * else is asked. Daily maintenance builds one for each loan every night and most loans only have a quiet day, so
 * the full computation (tens of microseconds) is skipped for them. Both kinds answer every question alike.
 */
public final class Schedule {

    private final LoanTerms terms;
    private final int size;
    private final Map<Integer, Installment> known;
    private volatile Full full;

    private record Full(BigDecimal regularPayment, List<Installment> installments, Disclosure disclosure) {}

    public Schedule(LoanTerms terms, BigDecimal regularPayment, List<Installment> installments, Disclosure disclosure) {
        this.terms = Objects.requireNonNull(terms);
        this.full = new Full(regularPayment, List.copyOf(installments), disclosure);
        this.size = installments.size();
        this.known = Map.of();
    }

    private Schedule(LoanTerms terms, int size, Map<Integer, Installment> known) {
        this.terms = terms;
        this.size = size;
        this.known = known;
    }

    /**
     * The servicing schedule of {@code terms} ({@link ScheduleCalculator#forServicing}), of which {@code size} and the
     * {@code known} installments (by their number, one-based) were computed before. When it is computed in full,
     * those must match, or the schedule throws: they came from other terms.
     */
    public static Schedule deferred(LoanTerms terms, int size, List<Installment> known) {
        if (size < 1) {
            throw new IllegalArgumentException("a schedule has at least one installment");
        }
        Map<Integer, Installment> byIndex = new java.util.HashMap<>();
        for (Installment i : known) {
            if (i.number() < 1 || i.number() > size) {
                throw new IllegalArgumentException("installment " + i.number() + " of " + size);
            }
            byIndex.put(i.number() - 1, i);
        }
        return new Schedule(Objects.requireNonNull(terms), size, Map.copyOf(byIndex));
    }

    public LoanTerms terms() {
        return terms;
    }

    public BigDecimal regularPayment() {
        return full().regularPayment();
    }

    public List<Installment> installments() {
        return full().installments();
    }

    public Disclosure disclosure() {
        return full().disclosure();
    }

    /** Whether every installment is at hand (false while a deferred schedule has not needed computing). */
    public boolean isComputed() {
        return full != null;
    }

    public int size() {
        return size;
    }

    public Installment get(int index) {
        Installment k = known.get(index);
        if (k != null) {
            return k;
        }
        return full().installments().get(index);
    }

    public Installment last() {
        return get(size - 1);
    }

    public LocalDate dueDate(int index) {
        return get(index).dueDate();
    }

    /** The first day interest accrues: the first period's start (the contract date with firstDayInterest). */
    public LocalDate interestStart() {
        return interestStart(terms);
    }

    static LocalDate interestStart(LoanTerms terms) {
        return terms.firstDayInterest() ? terms.contractDate() : terms.contractDate().plusDays(1);
    }

    /** Index of the period that contains {@code date} (the first with dueDate >= date), or size() after the end. */
    public int periodIndexOf(LocalDate date) {
        List<Installment> installments = installments();
        for (int i = 0; i < installments.size(); i++) {
            if (!installments.get(i).dueDate().isBefore(date)) {
                return i;
            }
        }
        return installments.size();
    }

    private Full full() {
        Full f = full;
        if (f == null) {
            Schedule computed = ScheduleCalculator.forServicing(terms);
            if (computed.size() != size || known.entrySet().stream()
                    .anyMatch(e -> !e.getValue().equals(computed.get(e.getKey())))) {
                throw new IllegalStateException("the schedule known before does not follow from these terms");
            }
            f = computed.full;
            full = f;
        }
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && terms.equals(s.terms) && full().equals(s.full());
    }

    @Override
    public int hashCode() {
        return Objects.hash(terms, full());
    }

    @Override
    public String toString() {
        return "Schedule[terms=" + terms + ", size=" + size + (full == null ? ", deferred" : ", " + full) + "]";
    }
}
