-- Loans as the servicing API sees them: the loan row (created minimal by daily maintenance in V2) gains its
-- API columns; its terms (LoanSetup) with the figures computed from them; and its settings.
ALTER TABLE loan ADD COLUMN IF NOT EXISTS mod_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE loan ADD COLUMN IF NOT EXISTS loan_alert TEXT;
ALTER TABLE loan ADD COLUMN IF NOT EXISTS last_update TIMESTAMPTZ NOT NULL DEFAULT now();

-- LoanSetup: the terms exactly as the engine's LoanTerms, with LoanPro's codes, plus the computed read-back.
CREATE TABLE loan_setup (
    loan_id                    BIGINT        PRIMARY KEY REFERENCES loan (id),
    loan_class                 TEXT          NOT NULL,
    loan_type                  TEXT          NOT NULL,
    loan_amount                NUMERIC(14,2) NOT NULL,
    loan_rate                  NUMERIC(12,6) NOT NULL,
    loan_rate_type             TEXT          NOT NULL,
    loan_term                  INTEGER       NOT NULL,
    contract_date              DATE          NOT NULL,
    first_payment_date         DATE          NOT NULL,
    payment_frequency          TEXT          NOT NULL,
    calc_type                  TEXT          NOT NULL,
    days_in_year               TEXT          NOT NULL,
    first_period_days          TEXT          NOT NULL,
    first_day_interest         BOOLEAN       NOT NULL,
    interest_application       TEXT          NOT NULL,
    last_as_final              BOOLEAN       NOT NULL,
    round_decimals             INTEGER       NOT NULL,
    due_date_on_last_dom       BOOLEAN       NOT NULL,
    grace_days                 INTEGER       NOT NULL,
    late_fee_type              TEXT,
    late_fee_amount            NUMERIC(14,2),
    late_fee_percent           NUMERIC(10,4),
    late_fee_calc              TEXT          NOT NULL,
    late_fee_percent_base      TEXT          NOT NULL,
    payment                    NUMERIC(14,2) NOT NULL,
    apr                        NUMERIC(10,4) NOT NULL,
    orig_final_payment_date    DATE          NOT NULL,
    orig_final_payment_amount  NUMERIC(14,2) NOT NULL,
    til_finance_charge         NUMERIC(14,2) NOT NULL,
    til_total_of_payments      NUMERIC(14,2) NOT NULL,
    til_loan_amount            NUMERIC(14,2) NOT NULL
);

-- LoanSettings: tenant-configured status and sub-status ids and servicing switches.
CREATE TABLE loan_settings (
    loan_id                     BIGINT  PRIMARY KEY REFERENCES loan (id),
    loan_status_id              INTEGER,
    loan_sub_status_id          INTEGER,
    source_company              INTEGER,
    autopay_enabled             BOOLEAN NOT NULL DEFAULT FALSE,
    is_stoplight_manually_set   BOOLEAN NOT NULL DEFAULT FALSE
);
