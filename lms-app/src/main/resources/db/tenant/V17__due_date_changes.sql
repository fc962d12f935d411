-- Due dates moved after a loan was set up (LoanPro's DueDateChanges). The table is the record the API lists and
-- removes from; loan_setup.due_date_changes is the engine's copy of the same list, written in the same transaction,
-- so that every reader of a loan's terms (nightly maintenance reads a chunk's setup rows in one scan) gets them
-- with the setup row and no other query. NULL for the loans that never had one.
CREATE TABLE loan_due_date_change (
    id                    BIGSERIAL   PRIMARY KEY,
    loan_id               BIGINT      NOT NULL REFERENCES loan (id),
    installment           INTEGER     NOT NULL CHECK (installment >= 0), -- zero-based index in the schedule
    original_date         DATE        NOT NULL,
    new_date              DATE        NOT NULL,
    changed_date          DATE        NOT NULL,
    due_date_on_last_dom  BOOLEAN     NOT NULL DEFAULT FALSE,
    created               TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX loan_due_date_change_loan_idx ON loan_due_date_change (loan_id, id);

ALTER TABLE loan_setup ADD COLUMN due_date_changes TEXT;
