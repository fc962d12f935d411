-- Daily maintenance: the loans it chooses from, its runs, its chunk queue, per-loan errors and the outbox.

-- A MINIMAL loan: only what daily maintenance needs to choose loans and to guard against a second effect
-- on the same day. The loan API work adds terms, balances, customers, payments and the status archive in
-- later migrations (V3+); keep this table small so those migrations own the loan's shape.
CREATE TABLE loan (
    id                    BIGSERIAL   PRIMARY KEY,
    display_id            TEXT        NOT NULL UNIQUE,
    title                 TEXT,
    setup_active          BOOLEAN     NOT NULL DEFAULT false,  -- LoanSetup.active: the loan is activated
    archived              BOOLEAN     NOT NULL DEFAULT false,
    archived_at           TIMESTAMPTZ,
    temporary_account     BOOLEAN     NOT NULL DEFAULT false,
    deleted               BOOLEAN     NOT NULL DEFAULT false,
    deleted_at            TIMESTAMPTZ,
    -- The guard: the business date of the last maintenance applied. A run for date D touches a loan only
    -- while this is NULL or < D, and sets it to D in the transaction that writes the day's effects.
    last_maintained_date  DATE,
    created               TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- The planner scans live loans in id order; archived ones stay in the index because a loan archived after
-- the run started is still maintained that day.
CREATE INDEX loan_dm_live_idx ON loan (id) WHERE setup_active AND NOT temporary_account AND NOT deleted;

-- One run per business date and kind. dm_stats_entity stays the public statistics row (report, API, SQL);
-- this row carries the run's state machine and what the queue needs (run start, planning time), so the
-- documented statistics table keeps exactly its documented columns.
CREATE TABLE dm_run (
    id            BIGSERIAL   PRIMARY KEY,
    date          DATE        NOT NULL,
    kind          TEXT        NOT NULL DEFAULT 'loan' CHECK (kind IN ('loan', 'loc')),
    state         TEXT        NOT NULL DEFAULT 'queued'
                              CHECK (state IN ('queued', 'in_progress', 'completed', 'failed')),
    trigger       TEXT        NOT NULL CHECK (trigger IN ('schedule', 'manual')),
    queued_at     TIMESTAMPTZ NOT NULL,   -- the blank event: the run's start for the archived-loan rule
    started_at    TIMESTAMPTZ,            -- loans pushed to the queue (In Progress)
    completed_at  TIMESTAMPTZ,
    total_loans   BIGINT      NOT NULL DEFAULT 0,
    chunk_count   INT         NOT NULL DEFAULT 0,
    detail        TEXT,
    UNIQUE (date, kind)
);
CREATE INDEX dm_run_open_idx ON dm_run (kind, date) WHERE state IN ('queued', 'in_progress');

-- The queue: consecutive eligible loan ids with their count. A worker claims a chunk with a lease (owner,
-- until, heartbeat); an expired lease can be claimed by any node. Counts are per chunk (summed when the
-- run completes) so that parallel workers never contend on one hot run row.
CREATE TABLE dm_chunk (
    id                BIGSERIAL   PRIMARY KEY,
    run_id            BIGINT      NOT NULL REFERENCES dm_run (id),
    seq               INT         NOT NULL,
    first_loan_id     BIGINT      NOT NULL,
    last_loan_id      BIGINT      NOT NULL,
    loan_count        INT         NOT NULL,
    state             TEXT        NOT NULL DEFAULT 'pending'
                                  CHECK (state IN ('pending', 'claimed', 'done', 'failed')),
    lease_owner       TEXT,
    lease_until       TIMESTAMPTZ,
    heartbeat         TIMESTAMPTZ,
    attempts          INT         NOT NULL DEFAULT 0,
    maintained_count  INT         NOT NULL DEFAULT 0,
    failed_count      INT         NOT NULL DEFAULT 0,
    last_error        TEXT,
    done_at           TIMESTAMPTZ,
    UNIQUE (run_id, seq)
);
CREATE INDEX dm_chunk_open_idx ON dm_chunk (run_id, seq) WHERE state IN ('pending', 'claimed');

-- A loan isolated from its chunk: which step threw and why. It stays unmaintained for the date.
CREATE TABLE dm_loan_error (
    id       BIGSERIAL   PRIMARY KEY,
    run_id   BIGINT      NOT NULL REFERENCES dm_run (id),
    loan_id  BIGINT      NOT NULL,
    step     TEXT        NOT NULL,
    error    TEXT        NOT NULL,
    at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX dm_loan_error_run_idx ON dm_loan_error (run_id, loan_id);

-- Transactional outbox: events written in the transaction of the change they announce; delivery to
-- subscribers (webhooks, email) reads undelivered rows in id order and stamps delivered_at.
CREATE TABLE outbox_event (
    id            BIGSERIAL   PRIMARY KEY,
    event_name    TEXT        NOT NULL,
    payload       JSONB       NOT NULL,
    created       TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at  TIMESTAMPTZ
);
CREATE INDEX outbox_event_undelivered_idx ON outbox_event (id) WHERE delivered_at IS NULL;
