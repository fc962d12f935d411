-- Customers (borrowers and companies), their primary and mailing addresses, and their links to loans with
-- LoanPro's roles. Trigram indexes serve the search endpoints' wildcard and word matches (ILIKE and ~*).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE customer (
    id                BIGSERIAL     PRIMARY KEY,
    customer_type     TEXT          NOT NULL DEFAULT 'customer.type.individual',
    customer_id_type  TEXT,
    custom_id         TEXT,
    status            TEXT,
    first_name        TEXT,
    middle_name       TEXT,
    last_name         TEXT,
    birth_date        DATE,
    gender            TEXT,
    generation_code   TEXT,
    email             TEXT,
    -- Stored as the client sent it; the API answers it masked and search matches the last four digits only.
    ssn               TEXT,
    ssn_last4         TEXT GENERATED ALWAYS AS (right(regexp_replace(ssn, '[^0-9]', '', 'g'), 4)) STORED,
    driver_license    TEXT,
    company_name      TEXT,
    contact_name      TEXT,
    credit_limit      NUMERIC(14,2),
    primary_phone     TEXT,
    active            BOOLEAN       NOT NULL DEFAULT TRUE,
    created           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    last_update       TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- One primary and one mailing address per customer (LoanPro's PrimaryAddress and MailAddress).
CREATE TABLE customer_address (
    id           BIGSERIAL PRIMARY KEY,
    customer_id  BIGINT    NOT NULL REFERENCES customer (id),
    kind         TEXT      NOT NULL CHECK (kind IN ('primary', 'mail')),
    address1     TEXT,
    address2     TEXT,
    city         TEXT,
    state        TEXT,
    zipcode      TEXT,
    country      TEXT,
    UNIQUE (customer_id, kind)
);

CREATE TABLE loan_customer (
    loan_id      BIGINT NOT NULL REFERENCES loan (id),
    customer_id  BIGINT NOT NULL REFERENCES customer (id),
    role         TEXT   NOT NULL CHECK (role IN ('loan.customerRole.primary', 'loan.customerRole.secondary',
                                                 'loan.customerRole.additional')),
    created      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (loan_id, customer_id)
);
CREATE INDEX loan_customer_customer_idx ON loan_customer (customer_id);
-- A loan has at most one primary customer; the service checks first and says so, this is the backstop.
CREATE UNIQUE INDEX loan_customer_one_primary_idx ON loan_customer (loan_id)
    WHERE role = 'loan.customerRole.primary';

CREATE INDEX customer_first_name_trgm_idx ON customer USING gin (first_name gin_trgm_ops);
CREATE INDEX customer_last_name_trgm_idx ON customer USING gin (last_name gin_trgm_ops);
CREATE INDEX customer_email_trgm_idx ON customer USING gin (email gin_trgm_ops);
CREATE INDEX customer_phone_trgm_idx ON customer USING gin (primary_phone gin_trgm_ops);
CREATE INDEX customer_ssn_last4_idx ON customer (ssn_last4);
CREATE INDEX customer_ssn_birth_idx ON customer (ssn, birth_date);
CREATE INDEX loan_display_id_trgm_idx ON loan USING gin (display_id gin_trgm_ops);
CREATE INDEX loan_title_trgm_idx ON loan USING gin (title gin_trgm_ops);
