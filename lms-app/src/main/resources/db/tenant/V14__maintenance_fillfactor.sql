-- Daily maintenance speed: room on each page for the nightly row versions.

-- Maintenance rewrites every live loan's row and its state row each night. With half of each page left free the new
-- row version goes on the same page and no index changes (a HOT update); full pages send every update to another
-- page and into every index (two trigram indexes on loan). Half, because a chunk updates every row of a page in one
-- transaction, so the old versions cannot make room before it commits; the next night reuses their space. Applies
-- to pages written from now on (VACUUM FULL rewrites a table with it).
ALTER TABLE loan SET (fillfactor = 50);
ALTER TABLE loan_state SET (fillfactor = 50);
