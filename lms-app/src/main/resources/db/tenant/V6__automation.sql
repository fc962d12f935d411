-- The automation engine (daily maintenance steps 2 to 4, and the same rules in real time): rules with their
-- actions in the tenant's evaluation order, recurring charges, stoplight rules, warning flags, and per loan
-- what they did. Rules are CEL, type-checked when saved (see org.openlms.engine.rules).

CREATE TABLE automation_rule (
    id                     BIGSERIAL   PRIMARY KEY,
    name                   TEXT        NOT NULL,
    rule                   TEXT        NOT NULL,
    enabled                BOOLEAN     NOT NULL DEFAULT TRUE,
    eval_in_real_time      BOOLEAN     NOT NULL DEFAULT FALSE,
    eval_in_daily_maint    BOOLEAN     NOT NULL DEFAULT TRUE,
    enroll_new_loans       BOOLEAN     NOT NULL DEFAULT TRUE,
    enroll_existing_loans  BOOLEAN     NOT NULL DEFAULT TRUE,
    forcing                BOOLEAN     NOT NULL DEFAULT FALSE,
    eval_order             INTEGER     NOT NULL,
    actions                JSONB       NOT NULL,
    created                TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_update            TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every application of a rule or recurring charge to a loan: what changed, on which business date, from where.
CREATE TABLE automation_applied (
    id          BIGSERIAL   PRIMARY KEY,
    loan_id     BIGINT      NOT NULL,
    source      TEXT        NOT NULL,   -- rule, recurringCharge, stoplight
    source_id   BIGINT      NOT NULL,
    date        DATE        NOT NULL,
    mode        TEXT        NOT NULL,   -- dailyMaintenance or realTime
    changes     JSONB       NOT NULL,
    created     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX automation_applied_loan_idx ON automation_applied (loan_id, id);
CREATE INDEX automation_applied_source_idx ON automation_applied (source, source_id, loan_id);

CREATE TABLE recurring_charge (
    id                  BIGSERIAL     PRIMARY KEY,
    title               TEXT          NOT NULL,
    info                TEXT,
    trigger_type        TEXT          NOT NULL,   -- rule (daily qualifying) or event
    trigger_event       TEXT,
    trigger_sub_event   TEXT,
    trigger_rule        TEXT,
    restriction_rule    TEXT,
    calculation         TEXT          NOT NULL,   -- fixed, percentage or contingency
    fixed_amount        NUMERIC(14,2),
    percentage          NUMERIC(10,4),
    percentage_base     TEXT,
    brackets            JSONB,
    charge_type_id      INTEGER       NOT NULL DEFAULT 5,
    is_enabled          BOOLEAN       NOT NULL DEFAULT TRUE,
    apply_in_new_loan   BOOLEAN       NOT NULL DEFAULT TRUE,
    eval_order          INTEGER       NOT NULL,
    created             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    last_update         TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE stoplight_rule (
    id           BIGSERIAL   PRIMARY KEY,
    name         TEXT        NOT NULL,
    rule         TEXT        NOT NULL,
    color        TEXT        NOT NULL CHECK (color IN ('green', 'yellow', 'red')),
    priority     INTEGER     NOT NULL,   -- lower number, higher priority
    enabled      BOOLEAN     NOT NULL DEFAULT TRUE,
    created      TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_update  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE warning_flag (
    id           BIGSERIAL   PRIMARY KEY,
    name         TEXT        NOT NULL,
    color        TEXT        NOT NULL,
    description  TEXT,
    rule         TEXT        NOT NULL,
    enabled      BOOLEAN     NOT NULL DEFAULT TRUE,
    created      TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_update  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Flags currently set on a loan, and their history (set and cleared, by rule, by action or by hand).
CREATE TABLE loan_flag (
    loan_id   BIGINT NOT NULL,
    flag_id   BIGINT NOT NULL REFERENCES warning_flag (id),
    set_on    DATE   NOT NULL,
    PRIMARY KEY (loan_id, flag_id)
);
CREATE TABLE loan_flag_archive (
    id        BIGSERIAL   PRIMARY KEY,
    loan_id   BIGINT      NOT NULL,
    flag_id   BIGINT      NOT NULL,
    date      DATE        NOT NULL,
    action    TEXT        NOT NULL,   -- set or cleared
    source    TEXT        NOT NULL,   -- flagRule, rule, manual
    created   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX loan_flag_archive_loan_idx ON loan_flag_archive (loan_id, id);

-- Settings the automation engine changes. The stoplight is null until a rule or a person sets it.
ALTER TABLE loan_settings ADD COLUMN stoplight TEXT CHECK (stoplight IN ('green', 'yellow', 'red'));

-- A rule that failed on one loan (the loan is still maintained; the other rules and loans go on).
CREATE TABLE automation_error (
    id          BIGSERIAL   PRIMARY KEY,
    loan_id     BIGINT      NOT NULL,
    source      TEXT        NOT NULL,
    source_id   BIGINT      NOT NULL,
    date        DATE        NOT NULL,
    mode        TEXT        NOT NULL,
    message     TEXT        NOT NULL,
    created     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX automation_error_loan_idx ON automation_error (loan_id, id);

-- Bumped by every change to the configuration, so that a run compiles the rules once per version.
CREATE TABLE automation_version (
    one      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    version  BIGINT  NOT NULL
);
INSERT INTO automation_version VALUES (TRUE, 0);
