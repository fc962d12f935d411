-- Recurring charges as LoanPro defines them (RecurrentCharge): the fields V6 lacked, and on each charge the
-- recurring charge or rule that put it there (null: put by hand through the API).
ALTER TABLE recurring_charge
    ADD COLUMN charge_application_type  TEXT    NOT NULL DEFAULT 'loan.latefeeapp.standard',
    ADD COLUMN interest_bearing         BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN apply_in_existing_loans  BOOLEAN NOT NULL DEFAULT TRUE;

ALTER TABLE loan_charge
    ADD COLUMN source     TEXT,     -- recurringCharge or rule
    ADD COLUMN source_id  BIGINT;
