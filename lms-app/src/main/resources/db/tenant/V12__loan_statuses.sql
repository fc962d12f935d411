-- The tenant's loan statuses and sub-statuses (LoanSettings.loanStatusId / loanSubStatusId), whose titles the API
-- answers as loanStatusText / loanSubStatusText. Seeded with LoanPro's documented defaults (help.loanpro.io,
-- "Statuses and sub-statuses"); the ids are ours, except Application = 1 as one LoanPro tenant shows it.
-- loan_settings keeps no foreign key to them: imported loans and automation rules may carry ids a tenant
-- configures later, and those simply have no text until then.
CREATE TABLE loan_status (
    id     INTEGER PRIMARY KEY,
    title  TEXT    NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO loan_status (id, title) VALUES
    (1, 'Application'),
    (2, 'Open'),
    (3, 'Closed');

CREATE TABLE loan_sub_status (
    id            INTEGER PRIMARY KEY,
    parent        INTEGER NOT NULL REFERENCES loan_status (id),
    title         TEXT    NOT NULL,
    display_order INTEGER NOT NULL,
    active        BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO loan_sub_status (id, parent, title, display_order) VALUES
    (1, 1, 'New', 1),
    (2, 1, 'Manual review needed', 2),
    (3, 1, 'Declined', 3),
    (4, 1, 'Approved', 4),
    (5, 1, 'Contract pending signature', 5),
    (6, 1, 'Ready to fund', 6),
    (7, 2, 'Open-repaying', 1),
    (8, 2, 'Open-fraud process', 2),
    (9, 2, 'Open-attorney retained', 3),
    (10, 2, 'Open-deceased process', 4),
    (11, 2, 'Open-charged off collectible', 5),
    (12, 2, 'Open-pending payoff', 6),
    (13, 2, 'Open-bankruptcy', 7),
    (14, 3, 'Closed - Settled', 1),
    (15, 3, 'Closed - Charged Off', 2);
