-- Restriction groups: a token with portfolio ids sees and changes only the loans in at least one of those
-- portfolios (which live in the tenant's database). NULL means unrestricted. Fixed when the token is issued.
ALTER TABLE api_token ADD COLUMN portfolio_ids BIGINT[]
    CHECK (portfolio_ids IS NULL OR cardinality(portfolio_ids) BETWEEN 1 AND 100);
