package org.openlms.engine.state;

import java.util.List;

/** What a day step returns: the next state, the money it posted, and what happened. */
public record DayResult(LoanState state, List<Posting> postings, List<LoanEvent> events) {
}
