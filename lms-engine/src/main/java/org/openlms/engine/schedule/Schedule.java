package org.openlms.engine.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openlms.engine.terms.LoanTerms;

/** The loan's schedule, computed once at setup; the day step keeps only an index into it. */
public record Schedule(LoanTerms terms, BigDecimal regularPayment, List<Installment> installments,
                       Disclosure disclosure) {
    public Schedule {
        installments = List.copyOf(installments);
    }

    public int size() {
        return installments.size();
    }

    public Installment get(int index) {
        return installments.get(index);
    }

    public Installment last() {
        return installments.get(installments.size() - 1);
    }

    public LocalDate dueDate(int index) {
        return installments.get(index).dueDate();
    }

    /** Index of the period that contains {@code date} (the first with dueDate >= date), or size() after the end. */
    public int periodIndexOf(LocalDate date) {
        for (int i = 0; i < installments.size(); i++) {
            if (!installments.get(i).dueDate().isBefore(date)) {
                return i;
            }
        }
        return installments.size();
    }
}
