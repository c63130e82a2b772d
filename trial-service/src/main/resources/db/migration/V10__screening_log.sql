-- The screening log: people assessed for eligibility and not enrolled (CONSORT: not meeting the
-- inclusion criteria, declined to participate, other reasons). Anonymous: no participant code.
CREATE TABLE screening (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  trial_id     text        NOT NULL REFERENCES trial (id),
  screened_on  date        NOT NULL,
  outcome      text        NOT NULL,
  reason       text,
  recorded_at  timestamptz NOT NULL,
  recorded_by  text        NOT NULL
);
CREATE INDEX screening_trial ON screening (trial_id);
REVOKE UPDATE, DELETE ON screening FROM ${app_role};
