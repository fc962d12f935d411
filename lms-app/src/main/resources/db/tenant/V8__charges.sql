-- Charges put on a loan (late, NSF, other): fees that come due on their date. Like payments they are part of
-- the truth a loan's state and archive are replayed from; a reversed charge stays with active = FALSE.

-- The tenant's charge types (LoanPro's chargeTypeId), seeded with LoanPro's documented kinds.
CREATE TABLE charge_type (
    id     INTEGER PRIMARY KEY,
    code   TEXT    NOT NULL UNIQUE,
    title  TEXT    NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO charge_type (id, code, title) VALUES
    (1, 'charge.types.late', 'Late Fee'),
    (2, 'charge.types.nsf', 'NSF Fee'),
    (3, 'charge.types.convenience', 'Convenience Fee'),
    (4, 'charge.types.repossession', 'Repossession Fee'),
    (5, 'charge.types.other', 'Other');

-- No foreign key to loan, as for loan_payment (V4): writers hold the loan's row lock and loans are never
-- hard-deleted.
CREATE TABLE loan_charge (
    id                       BIGSERIAL     PRIMARY KEY,
    loan_id                  BIGINT        NOT NULL,
    date                     DATE          NOT NULL,
    amount                   NUMERIC(14,2) NOT NULL CHECK (amount > 0),
    info                     TEXT,
    charge_type_id           INTEGER       NOT NULL REFERENCES charge_type (id),
    charge_application_type  TEXT          NOT NULL,
    interest_bearing         BOOLEAN       NOT NULL DEFAULT FALSE,
    active                   BOOLEAN       NOT NULL DEFAULT TRUE,
    edit_comment             TEXT,
    reversed                 TIMESTAMPTZ,
    created                  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX loan_charge_loan_idx ON loan_charge (loan_id, date, id);
