-- A tenant database. Later migrations add loans, customers, rules and the maintenance queue.

-- Daily maintenance statistics, one row per business date and kind (loans; lines of credit later),
-- readable by report, API (TenantDMStats) and plain SQL, as the daily maintenance documentation promises.
CREATE TABLE dm_stats_entity (
    id                          BIGSERIAL   PRIMARY KEY,
    date                        DATE        NOT NULL,
    kind                        TEXT        NOT NULL DEFAULT 'loan' CHECK (kind IN ('loan', 'loc')),
    queued                      TIMESTAMPTZ,
    in_progress                 TIMESTAMPTZ,
    completed                   TIMESTAMPTZ,
    warning_flags_evaluation    TIMESTAMPTZ,
    stoplight_evaluation        TIMESTAMPTZ,
    reverse_calc_completed      TIMESTAMPTZ,
    total_loans                 BIGINT      NOT NULL DEFAULT 0,
    maintained_loans            BIGINT      NOT NULL DEFAULT 0,
    failed_loans                BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (date, kind)
);

-- Who changed what, written in the same transaction as the change.
CREATE TABLE audit_log (
    id           BIGSERIAL   PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor        TEXT        NOT NULL,
    entity_type  TEXT        NOT NULL,
    entity_id    BIGINT,
    action       TEXT        NOT NULL,
    detail       JSONB
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
