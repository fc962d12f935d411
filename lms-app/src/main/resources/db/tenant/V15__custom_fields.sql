-- Loan custom fields (LoanPro's LoanSettings custom fields): the tenant defines them by name and type, sets their
-- values per loan through LoanSettings.customFieldValues, and rules read them as loan.custom["name"].
-- Values are kept as text, as LoanPro answers customFieldValue; the type says what a value must parse as.
CREATE TABLE custom_field (
    id          BIGSERIAL   PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE,
    type        TEXT        NOT NULL DEFAULT 'text' CHECK (type IN ('text', 'number', 'date', 'boolean')),
    description TEXT,
    created     TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_update TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE loan_custom_field_value (
    id              BIGSERIAL   PRIMARY KEY,
    loan_id         BIGINT      NOT NULL REFERENCES loan (id),
    custom_field_id BIGINT      NOT NULL REFERENCES custom_field (id) ON DELETE CASCADE,
    value           TEXT        NOT NULL,
    last_update     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (loan_id, custom_field_id)
);
CREATE INDEX loan_custom_field_value_field ON loan_custom_field_value (custom_field_id);
