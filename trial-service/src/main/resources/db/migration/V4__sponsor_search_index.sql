-- sponsor= searches for a substring (lower(primary_sponsor) LIKE '%x%'), which a btree cannot
-- serve: over 100 000 trials it scanned the table (p95 893 ms, bench/). A trigram index can.
-- pg_trgm is a trusted extension: the database owner that runs the migrations may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX trial_sponsor_trgm ON trial USING gin (lower(primary_sponsor) gin_trgm_ops);
-- The btree on the same expression served no query (only the substring search reads it).
DROP INDEX trial_sponsor;
