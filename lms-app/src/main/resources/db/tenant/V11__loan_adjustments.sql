-- Dated changes to how a loan is serviced (stop or resume interest, reset past due), put on by automation rules
-- or by hand and made again by every replay on their date (org.openlms.engine.state.Adjustment); and in the
-- loan's state whether interest is stopped now.
CREATE TABLE loan_adjustment (
    id         BIGSERIAL   PRIMARY KEY,
    loan_id    BIGINT      NOT NULL,
    date       DATE        NOT NULL,
    kind       TEXT        NOT NULL CHECK (kind IN ('STOP_INTEREST', 'RESUME_INTEREST', 'RESET_PAST_DUE')),
    source     TEXT,       -- rule, or null when put by hand
    source_id  BIGINT,
    created    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX loan_adjustment_loan_idx ON loan_adjustment (loan_id, date, id);

ALTER TABLE loan_state ADD COLUMN interest_stopped BOOLEAN NOT NULL DEFAULT FALSE;
