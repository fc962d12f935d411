package org.openlms.app.seed;

import java.util.List;
import org.openlms.app.loan.LoanSetup;
import org.openlms.app.loan.NewPayment;
import org.openlms.engine.payment.Application;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.StatusSnapshot;

/**
 * One kind of generated loan: its terms, how its borrower pays, and what the engine says it is as of the
 * seed's business date. Many seeded loans share a template, so the engine runs once per template, not per loan.
 * {@code archive} holds the status of its last days (oldest first, ending on the seed's date), as many as asked.
 */
record LoanTemplate(LoanSetup setup, List<NewPayment> payments, List<Application> applied, LoanState state,
    boolean pastDue, List<StatusSnapshot> archive) {}
