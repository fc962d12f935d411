package org.openlms.engine.replay;

import java.time.LocalDate;
import java.util.List;
import org.openlms.engine.fees.Charge;
import org.openlms.engine.payment.Application;
import org.openlms.engine.state.LoanEvent;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.Posting;
import org.openlms.engine.state.StatusSnapshot;

/**
 * One replayed day: the end-of-day state and archive values, and what the day, its charges and its payments did
 * ({@code payments} in the order they were applied, one per payment dated that day).
 */
public record DayRow(LocalDate date, LoanState state, StatusSnapshot status, List<Posting> postings,
                     List<LoanEvent> events, List<Charge> charges, List<Application> payments) {
}
