-- Each participant's follow-up as a dated history (CONSORT: received the allocated intervention or
-- not, discontinued, lost to follow-up, withdrew consent, completed), append-only like the trial's.
CREATE TABLE participant_status (
  trial_id        text        NOT NULL,
  code            text        NOT NULL,
  seq             integer     NOT NULL,
  status          text        NOT NULL,
  effective_date  date        NOT NULL,
  reason          text,
  recorded_at     timestamptz NOT NULL,
  recorded_by     text        NOT NULL,
  PRIMARY KEY (trial_id, code, seq),
  FOREIGN KEY (trial_id, code) REFERENCES participant (trial_id, code)
);
REVOKE UPDATE, DELETE ON participant_status FROM ${app_role};
