-- Portfolios and sub-portfolios (LoanPro's restriction groups) and which loans belong to them. A loan in a
-- sub-portfolio is always in its parent portfolio too: PortfolioMembership links the parent with the child
-- and unlinks the children with the parent. API tokens restricted to portfolios see only loans linked here.
CREATE TABLE portfolio (
    id           BIGSERIAL   PRIMARY KEY,
    title        TEXT        NOT NULL,
    num_prefix   TEXT,
    num_suffix   TEXT,
    category_id  INTEGER,
    entity_type  TEXT        NOT NULL DEFAULT 'Entity.Loan',
    active       BOOLEAN     NOT NULL DEFAULT TRUE,
    created      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE sub_portfolio (
    id            BIGSERIAL   PRIMARY KEY,
    portfolio_id  BIGINT      NOT NULL REFERENCES portfolio (id),
    title         TEXT        NOT NULL,
    active        BOOLEAN     NOT NULL DEFAULT TRUE,
    created       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sub_portfolio_portfolio_idx ON sub_portfolio (portfolio_id);

-- The primary keys serve "the portfolios of a loan"; the second indexes serve "the loans of a portfolio",
-- which every request of a restricted token asks.
CREATE TABLE loan_portfolio (
    loan_id       BIGINT NOT NULL REFERENCES loan (id),
    portfolio_id  BIGINT NOT NULL REFERENCES portfolio (id),
    PRIMARY KEY (loan_id, portfolio_id)
);
CREATE INDEX loan_portfolio_portfolio_idx ON loan_portfolio (portfolio_id, loan_id);

CREATE TABLE loan_sub_portfolio (
    loan_id           BIGINT NOT NULL REFERENCES loan (id),
    sub_portfolio_id  BIGINT NOT NULL REFERENCES sub_portfolio (id),
    PRIMARY KEY (loan_id, sub_portfolio_id)
);
CREATE INDEX loan_sub_portfolio_sub_portfolio_idx ON loan_sub_portfolio (sub_portfolio_id, loan_id);
