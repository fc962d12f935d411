package org.openlms.engine.rules;

/**
 * The declared variables a rule may use, mirroring LoanPro's context variables ({@code status-days-past-due}
 * becomes {@code status.daysPastDue}). A rule naming anything else is refused when it is saved.
 */
public enum Fact {
    TODAY("today", FactType.TIMESTAMP, "the business date being maintained (or evaluated)"),

    STATUS_DAYS_PAST_DUE("status.daysPastDue", FactType.INT, "days past due"),
    STATUS_AMOUNT_PAST_DUE("status.amountPastDue", FactType.DOUBLE, "amount past due (installments due and unpaid fees)"),
    STATUS_AMOUNT_PAST_DUE_30("status.amountPastDue30", FactType.DOUBLE, "amount more than 30 days past due"),
    STATUS_PAYOFF("status.payoff", FactType.DOUBLE, "payoff today"),
    STATUS_PRINCIPAL_BALANCE("status.principalBalance", FactType.DOUBLE, "principal balance"),
    STATUS_DUE_FEES("status.dueFees", FactType.DOUBLE, "fees due and unpaid"),
    STATUS_NEXT_PAYMENT_DATE("status.nextPaymentDate", FactType.TIMESTAMP, "next scheduled payment date"),
    STATUS_NEXT_PAYMENT_AMOUNT("status.nextPaymentAmount", FactType.DOUBLE, "next scheduled payment amount"),
    STATUS_LAST_PAYMENT_DATE("status.lastPaymentDate", FactType.TIMESTAMP, "date of the last payment"),
    STATUS_LAST_PAYMENT_AMOUNT("status.lastPaymentAmount", FactType.DOUBLE, "amount of the last payment"),
    STATUS_PERIODS_REMAINING("status.periodsRemaining", FactType.INT, "scheduled periods remaining"),
    STATUS_LOAN_AGE("status.loanAge", FactType.INT, "days since the contract date"),
    STATUS_UNIQUE_DELINQUENCIES("status.uniqueDelinquencies", FactType.INT, "times the loan became delinquent"),
    STATUS_DELINQUENT_DAYS("status.delinquentDays", FactType.INT, "days spent delinquent in all"),
    STATUS_FIRST_DELINQUENCY_DATE("status.firstDelinquencyDate", FactType.TIMESTAMP, "first day delinquent"),

    SETUP_LOAN_AMOUNT("setup.loanAmount", FactType.DOUBLE, "original loan amount"),
    SETUP_LOAN_RATE("setup.loanRate", FactType.DOUBLE, "contract rate, percent"),
    SETUP_LOAN_TERM("setup.loanTerm", FactType.INT, "number of payments"),
    SETUP_PAYMENT("setup.payment", FactType.DOUBLE, "regular payment"),
    SETUP_CONTRACT_DATE("setup.contractDate", FactType.TIMESTAMP, "contract date"),
    SETUP_FIRST_PAYMENT_DATE("setup.firstPaymentDate", FactType.TIMESTAMP, "first payment date"),
    SETUP_ORIG_MATURITY_DATE("setup.origMaturityDate", FactType.TIMESTAMP, "original final payment date"),
    SETUP_PAYMENT_FREQUENCY("setup.paymentFrequency", FactType.STRING, "e.g. loan.frequency.monthly"),
    SETUP_LOAN_CLASS("setup.loanClass", FactType.STRING, "e.g. loan.class.consumer"),
    SETUP_LOAN_TYPE("setup.loanType", FactType.STRING, "e.g. loan.type.installment"),

    SETTINGS_LOAN_STATUS_ID("settings.loanStatusId", FactType.INT, "loan status id (0 when none)"),
    SETTINGS_LOAN_SUB_STATUS_ID("settings.loanSubStatusId", FactType.INT, "loan sub-status id (0 when none)"),
    SETTINGS_PORTFOLIOS("settings.portfolios", FactType.INT_LIST, "ids of the loan's portfolios"),
    SETTINGS_SUB_PORTFOLIOS("settings.subPortfolios", FactType.INT_LIST, "ids of the loan's sub-portfolios"),
    SETTINGS_FLAGS("settings.flags", FactType.INT_LIST, "ids of the warning flags set on the loan"),
    SETTINGS_STOPLIGHT("settings.stoplight", FactType.STRING, "green, yellow or red"),
    SETTINGS_AUTOPAY_ENABLED("settings.autopayEnabled", FactType.BOOL, "autopay enabled"),
    SETTINGS_INTEREST_STOPPED("settings.interestStopped", FactType.BOOL, "interest stopped by a rule or by hand"),
    SETTINGS_CHARGED_OFF("settings.chargedOff", FactType.BOOL, "the loan was charged off"),

    CUSTOM("custom", FactType.STRING_MAP,
            "every custom field the tenant defines, by name: the loan's value as text (numbers plain, dates YYYY-MM-DD, booleans 1 or 0), \"\" when unset");

    private final String variable;
    private final FactType type;
    private final String description;

    Fact(String variable, FactType type, String description) {
        this.variable = variable;
        this.type = type;
        this.description = description;
    }

    /** The name a rule uses. */
    public String variable() {
        return variable;
    }

    public FactType type() {
        return type;
    }

    public String description() {
        return description;
    }
}
