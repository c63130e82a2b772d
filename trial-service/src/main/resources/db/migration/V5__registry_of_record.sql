-- A registry of record: the status a trial imported with status UNKNOWN last had, where an
-- imported trial came from (the source document as received, and the items of it without a place
-- in the record), and lookup of a trial by any of its identifiers.
ALTER TABLE trial ADD COLUMN last_known_status text;

CREATE TABLE trial_source (
  trial_id       text        PRIMARY KEY REFERENCES trial (id),
  registry       text        NOT NULL,          -- e.g. ClinicalTrials.gov
  source_id      text        NOT NULL,          -- the trial's id there, e.g. NCT03893162
  source_version text,                          -- the source record's version (last update posted)
  imported_at    timestamptz NOT NULL,
  imported_by    text        NOT NULL,
  document       jsonb       NOT NULL,          -- the source document as received
  unmapped       jsonb       NOT NULL           -- JSON pointer -> value, for items without a place
);

-- ?secondaryId= finds a trial by an identifier of any registry
CREATE INDEX trial_secondary_id_value ON trial_secondary_id (value);
