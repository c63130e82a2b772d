-- What biomarker-service knows of trials, learnt from trial-service's events (event-carried state
-- transfer): enough to check results against the trial, its schedule and its participants.
CREATE TABLE trial_snapshot (
  trial_id      text        PRIMARY KEY,
  consortium    text        NOT NULL,
  status        text        NOT NULL,
  version       integer     NOT NULL,   -- the trial's version this snapshot reflects
  masked        boolean     NOT NULL,
  unblinded     boolean     NOT NULL,
  registered    boolean     NOT NULL,
  visits        jsonb       NOT NULL,   -- [{code, dayOffset, baseline, panels, scales}]
  arms          jsonb       NOT NULL,   -- [{label, type}]
  updated_at    timestamptz NOT NULL
);

-- Allocations (internal topic): an arm is only shown where blinding allows.
CREATE TABLE participant_allocation (
  trial_id     text NOT NULL,
  code         text NOT NULL,
  arm          text NOT NULL,
  enrolled_on  date NOT NULL,
  PRIMARY KEY (trial_id, code)
);
