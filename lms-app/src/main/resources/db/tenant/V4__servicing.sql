-- What happened to a loan (payments) and what follows from it: the loan's current engine state and its
-- reverse-calculated status archive (one row per day). Both are derived: replaying the terms and the active
-- payments from the contract date gives them again, which is what a back-dated payment or a reversal does.

-- The two high-volume tables (payments, and one archive row per loan per day) carry no foreign key to loan:
-- a per-row key check costs more than the row itself at millions of rows a night, every writer holds the
-- loan's row lock, and loans are never hard-deleted, so an orphan cannot arise.
CREATE TABLE loan_payment (
    id                 BIGSERIAL     PRIMARY KEY,
    loan_id            BIGINT        NOT NULL,
    date               DATE          NOT NULL,
    amount             NUMERIC(14,2) NOT NULL CHECK (amount > 0),
    info               TEXT,
    payment_type_id    INTEGER       NOT NULL,
    payment_method_id  INTEGER       NOT NULL,
    extra              TEXT          NOT NULL,
    principal_only     BOOLEAN       NOT NULL DEFAULT FALSE,
    application        TEXT,
    active             BOOLEAN       NOT NULL DEFAULT TRUE,
    reverse_reason     TEXT,
    reverse_date       DATE,
    applied_fees       NUMERIC(14,2),
    applied_interest   NUMERIC(14,2),
    applied_principal  NUMERIC(14,2),
    created            TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX loan_payment_loan_idx ON loan_payment (loan_id, date, id);

-- The engine's LoanState at the end of as_of (money in cents; accruals at the engine's internal scale).
CREATE TABLE loan_state (
    loan_id                 BIGINT        PRIMARY KEY REFERENCES loan (id),
    as_of                   DATE          NOT NULL,
    next_index              INTEGER       NOT NULL,
    late_fee_index          INTEGER       NOT NULL,
    next_due_date           DATE,
    next_late_fee_check     DATE,
    principal_balance       NUMERIC(14,2) NOT NULL,
    unposted_interest       NUMERIC(24,10) NOT NULL,
    interest_not_due        NUMERIC(14,2) NOT NULL,
    due_interest            NUMERIC(14,2) NOT NULL,
    due_principal           NUMERIC(14,2) NOT NULL,
    due_fees                NUMERIC(14,2) NOT NULL,
    unpaid                  JSONB         NOT NULL,
    prepaid_credit          NUMERIC(14,2) NOT NULL,
    held_credit             NUMERIC(14,2) NOT NULL,
    perdiem                 NUMERIC(24,10) NOT NULL,
    interest_accrued_today  NUMERIC(24,10) NOT NULL,
    last_payment_date       DATE,
    last_payment_amount     NUMERIC(14,2),
    date_last_current       DATE,
    date_last_current_30    DATE,
    first_delinquency_date  DATE,
    unique_delinquencies    INTEGER       NOT NULL DEFAULT 0,
    delinquent_days         INTEGER       NOT NULL DEFAULT 0
);

-- LoanStatusArchive: one row per loan per day, as last (re)calculated.
CREATE TABLE loan_status_archive (
    loan_id                 BIGINT        NOT NULL,
    date                    DATE          NOT NULL,
    amount_due              NUMERIC(14,2) NOT NULL,
    due_interest            NUMERIC(14,2) NOT NULL,
    due_principal           NUMERIC(14,2) NOT NULL,
    due_fees                NUMERIC(14,2) NOT NULL,
    due_pni                 NUMERIC(14,2) NOT NULL,
    next_payment_date       DATE,
    next_payment_amount     NUMERIC(14,2) NOT NULL,
    last_payment_date       DATE,
    last_payment_amount     NUMERIC(14,2),
    principal_balance       NUMERIC(14,2) NOT NULL,
    days_past_due           INTEGER       NOT NULL,
    date_last_current       DATE,
    amount_past_due_30      NUMERIC(14,2) NOT NULL DEFAULT 0,
    date_last_current_30    DATE,
    first_delinquency_date  DATE,
    unique_delinquencies    INTEGER       NOT NULL DEFAULT 0,
    delinquent_days         INTEGER       NOT NULL DEFAULT 0,
    payoff                  NUMERIC(14,2) NOT NULL,
    perdiem                 NUMERIC(14,2) NOT NULL,
    interest_accrued_today  NUMERIC(14,2) NOT NULL,
    period_start            DATE,
    period_end              DATE,
    periods_remaining       INTEGER       NOT NULL,
    final_payment_date      DATE,
    final_payment_amount    NUMERIC(14,2),
    loan_age                INTEGER       NOT NULL,
    PRIMARY KEY (loan_id, date)
);
