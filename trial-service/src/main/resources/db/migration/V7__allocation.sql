-- Randomisation run by the registry. A trial's allocation sequence is generated when it starts
-- recruiting and kept here, sealed: no operation of the API reads this table. A slot is used by
-- exactly one participant (the trial's row lock serialises enrolments), in position order.
CREATE TABLE allocation_slot (
  trial_id         text        NOT NULL REFERENCES trial (id),
  stratum          text        NOT NULL,
  position         integer     NOT NULL,
  arm_code         text        NOT NULL,
  block            integer     NOT NULL,
  block_size       integer     NOT NULL,
  reference        text        NOT NULL,
  participant_code text,
  used_at          timestamptz,
  PRIMARY KEY (trial_id, stratum, position),
  UNIQUE (trial_id, reference),
  UNIQUE (trial_id, participant_code)
);

-- How each participant was allocated: RANDOMISED by the registry, REGISTRANT (a non-randomised
-- design, or a trial without a declared randomisation), HISTORICAL (an enrolment from before the
-- trial was registered here, entered as it happened); the allocation (kit) number a masked trial
-- labels treatment with; the participant's strata or minimisation factor levels.
ALTER TABLE participant ADD COLUMN allocation text NOT NULL DEFAULT 'REGISTRANT';
ALTER TABLE participant ADD COLUMN allocation_reference text;
ALTER TABLE participant ADD COLUMN strata jsonb;
