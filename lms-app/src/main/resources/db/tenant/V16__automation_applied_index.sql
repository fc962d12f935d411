-- Nothing reads the rules' log by rule (the API reads it by loan, automation_applied_loan_idx), and a night can
-- add hundreds of thousands of rows to it: an index no query uses only costs every one of those inserts.
DROP INDEX automation_applied_source_idx;
