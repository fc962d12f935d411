package org.openlms.engine.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openlms.engine.payment.ExtraTowards;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.payment.PaymentApplier;
import org.openlms.engine.payment.Waterfall;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.schedule.ScheduleCalculator;
import org.openlms.engine.state.DayStep;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.terms.LateFeeCalc;
import org.openlms.engine.terms.LateFeeType;
import org.openlms.engine.terms.LoanTerms;

/**
 * Throughput of the day step for standard monthly loans (LoanPro's sample: 60 monthly payments, actual days,
 * a fixed late fee after 10 days of grace). One operation = one loan-day. {@link #dayStep} steps delinquent loans
 * (no payments: installments pile up as past due and late fees post); {@link #dayStepPaidOnTime} also applies
 * the amount due on each due date, as a current loan would see. A loan past its last due date starts over.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class DayStepBenchmark {
    private static final int LOANS = 1024;
    private LoanState[] open;
    private LoanState[] states;

    @Setup
    public void setUp() {
        open = new LoanState[LOANS];
        states = new LoanState[LOANS];
        for (int i = 0; i < LOANS; i++) {
            LocalDate contract = LocalDate.of(2020, 8, 1).plusDays(i % 28);
            Schedule s = ScheduleCalculator.calculate(LoanTerms.builder()
                    .loanAmount(BigDecimal.valueOf(500_000 + 1_000L * i, 2)).loanRate("4.7").loanTerm(60)
                    .contractDate(contract).firstPaymentDate(contract.plusMonths(1)).graceDays(10)
                    .lateFee(LateFeeType.FIXED_AMOUNT, "25", null, LateFeeCalc.STANDARD).build());
            open[i] = LoanState.open(s);
            states[i] = open[i];
        }
    }

    @Benchmark
    @OperationsPerInvocation(LOANS)
    public void dayStep(Blackhole bh) {
        LoanState[] s = states;
        for (int i = 0; i < LOANS; i++) {
            LoanState next = DayStep.step(s[i], s[i].date().plusDays(1)).state();
            s[i] = next.nextDueDate() == null ? open[i] : next;
            bh.consume(next);
        }
    }

    @Benchmark
    @OperationsPerInvocation(LOANS)
    public void dayStepPaidOnTime(Blackhole bh) {
        LoanState[] s = states;
        for (int i = 0; i < LOANS; i++) {
            LoanState next = DayStep.step(s[i], s[i].date().plusDays(1)).state();
            if (next.amountDue().signum() > 0) {
                next = PaymentApplier.apply(next, new Payment(1, next.date(), next.amountDue(), Waterfall.REGULAR,
                        ExtraTowards.PRINCIPAL, false)).state();
            }
            s[i] = next.nextDueDate() == null ? open[i] : next;
            bh.consume(next);
        }
    }
}
