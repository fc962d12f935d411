package org.openlms.app.loan;

import org.openlms.engine.schedule.Disclosure;
import org.openlms.engine.terms.LoanTerms;

/** LoanSetup as stored: the engine's terms, LoanPro's class and type codes, and the computed disclosure figures. */
public record LoanSetup(LoanTerms terms, String loanClass, String loanType, Disclosure disclosure) {}
