-- The control plane: companies own tenants; each tenant has its own database, located here.
CREATE TABLE company (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    time_zone   TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Tenant ids follow LoanPro's style (5200001, 5200002, ...).
CREATE SEQUENCE tenant_id_seq START WITH 5200001;

CREATE TABLE tenant (
    id                       BIGINT      PRIMARY KEY DEFAULT nextval('tenant_id_seq'),
    company_id               BIGINT      NOT NULL REFERENCES company (id),
    kind                     TEXT        NOT NULL CHECK (kind IN ('production', 'sandbox', 'staging')),
    status                   TEXT        NOT NULL
        CHECK (status IN ('provisioning', 'active', 'suspended', 'failed', 'removed')),
    status_detail            TEXT,
    -- NULL server_url: the tenant's database lives on the control database's server.
    db_server_url            TEXT,
    db_name                  TEXT        NOT NULL,
    db_user                  TEXT,
    db_password_encrypted    TEXT,
    max_connections          INTEGER     NOT NULL CHECK (max_connections BETWEEN 1 AND 500),
    max_loans                BIGINT      NOT NULL CHECK (max_loans >= 0),
    max_rules                INTEGER     NOT NULL CHECK (max_rules >= 0),
    api_requests_per_minute  INTEGER     NOT NULL CHECK (api_requests_per_minute >= 0),
    schema_version           TEXT,
    migrated_at              TIMESTAMPTZ,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX tenant_company_idx ON tenant (company_id);

-- API tokens: only a SHA-256 of the 256-bit secret is kept; the secret is shown once at creation.
CREATE TABLE api_token (
    id          BIGSERIAL   PRIMARY KEY,
    tenant_id   BIGINT      NOT NULL REFERENCES tenant (id),
    token_hash  BYTEA       NOT NULL UNIQUE,
    prefix      TEXT        NOT NULL,
    label       TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX api_token_tenant_idx ON api_token (tenant_id);
