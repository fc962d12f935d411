package org.openlms.app.loan;

import java.time.LocalDate;
import org.openlms.engine.state.Adjustment;

/** An adjustment put on a loan by hand (StopInterestDates, APDAdjustments), as validated from the API. */
public record NewAdjustment(LocalDate date, Adjustment.Kind kind) {}
