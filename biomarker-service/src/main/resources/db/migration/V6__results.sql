-- Ingested results: one batch per accepted POST, its rows in result. Rows are written with JDBC
-- batch inserts (not ORM entities), so the table carries no version column and nothing updates it.
CREATE TABLE batch (
  id            uuid        PRIMARY KEY,
  trial_id      text        NOT NULL,
  received_at   timestamptz NOT NULL,
  rows          integer     NOT NULL,
  censored      integer     NOT NULL,
  unregistered  integer     NOT NULL,   -- rows of analytes the schedule did not pre-register
  analytes      text[]      NOT NULL,
  visits        text[]      NOT NULL,
  submitted_by  text        NOT NULL
);
CREATE INDEX batch_trial ON batch (trial_id, received_at);

CREATE TABLE result (
  id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  trial_id          text        NOT NULL,
  batch_id          uuid        NOT NULL REFERENCES batch (id),
  participant_code  text        NOT NULL,
  visit_code        text        NOT NULL,
  sample_id         text        NOT NULL,
  specimen          text        NOT NULL,
  collected_at      timestamptz NOT NULL,
  analyte_code      text        NOT NULL REFERENCES analyte (code),
  original_value    numeric     NOT NULL,
  original_unit     text        NOT NULL,
  standard_value    numeric     NOT NULL,
  standard_unit     text        NOT NULL,
  comparator        text,                 -- '<' or '>': a limit of quantification, not a value
  censored          boolean     NOT NULL,
  qc_status         text        NOT NULL,
  registered        boolean     NOT NULL, -- false: reported without being pre-registered
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT result_comparator CHECK (comparator IN ('<', '>')),
  CONSTRAINT result_censored CHECK (censored = (comparator IS NOT NULL))
);
-- A sample is measured once per analyte; a second report of it is an error, not a new value.
CREATE UNIQUE INDEX result_sample_analyte ON result (trial_id, sample_id, analyte_code);
-- Queries and summaries read by trial, then analyte and visit; keyset paging by id.
CREATE INDEX result_trial_analyte_visit ON result (trial_id, analyte_code, visit_code, id);
CREATE INDEX result_trial_participant ON result (trial_id, participant_code, id);
CREATE INDEX result_batch ON result (batch_id);
-- Results are facts as reported; corrections would come as new batches.
REVOKE UPDATE, DELETE ON batch, result FROM ${app_role};

-- Idempotency-Key of result POSTs. The key is claimed (IN_FLIGHT) in its own transaction before
-- the batch is processed, so a concurrent duplicate sees it; the batch's transaction completes it
-- with the response to replay; a refused attempt deletes it so a corrected retry can reuse it.
CREATE TABLE idempotency_key (
  key              text        PRIMARY KEY,
  trial_id         text        NOT NULL,
  request_hash     text        NOT NULL,   -- SHA-256 of the raw body, hex
  state            text        NOT NULL,   -- IN_FLIGHT or COMPLETED
  response_status  integer,
  response_body    text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT idempotency_key_state CHECK (state IN ('IN_FLIGHT', 'COMPLETED'))
);
