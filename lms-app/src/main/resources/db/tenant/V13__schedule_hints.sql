-- What a quiet day reads of a loan's schedule (its size, the installment that comes due next and the last one),
-- kept from the night the schedule was last computed in full, so that maintenance does not recompute every loan's
-- schedule from its terms each night. Derived data: terms_key says which terms it came from; a row that does not
-- match the loan's terms or its state is ignored (the schedule is then computed and the row rewritten), so the
-- table may be emptied at any time. Written only when it changes (about once a period per loan).
CREATE TABLE loan_schedule_hint (
    loan_id       BIGINT  PRIMARY KEY,
    terms_key     BIGINT  NOT NULL,
    size          INTEGER NOT NULL,
    installments  TEXT    NOT NULL
);
