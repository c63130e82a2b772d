-- Arms are matched by their stable code (trial-service API 1.1: trial.arms[].code, armCode in the
-- enrolment event), not by their label, so renaming an arm keeps its participants and results.
-- Rows stored before get codes here from what is known: an arm's code is the one its record
-- carries, else the one trial-service derives from the label (ArmCodes.fromLabel there, ArmCodes
-- here: each run of characters other than ASCII letters and digits one underscore, upper case,
-- at most 16 characters, ARM when nothing is left; trial-service's migration V6 does the same for
-- its participants). Two labels of one trial that derive the same code are not told apart here,
-- as in trial-service's V6; the next trial.updated event brings trial-service's codes.
UPDATE trial_snapshot t
SET arms = (
  SELECT coalesce(jsonb_agg(
           CASE WHEN a ? 'code' AND jsonb_typeof(a -> 'code') = 'string' THEN a
                ELSE a || jsonb_build_object('code', coalesce(
                  nullif(rtrim(left(btrim(upper(regexp_replace(a ->> 'label', '[^A-Za-z0-9]+', '_', 'g')), '_'), 16), '_'), ''),
                  'ARM'))
           END ORDER BY i), '[]'::jsonb)
  FROM jsonb_array_elements(t.arms) WITH ORDINALITY AS e(a, i));

ALTER TABLE participant_allocation ADD COLUMN arm_code text;

UPDATE participant_allocation p
SET arm_code = coalesce(
  (SELECT a ->> 'code'
   FROM trial_snapshot t, jsonb_array_elements(t.arms) a
   WHERE t.trial_id = p.trial_id AND a ->> 'label' = p.arm
   LIMIT 1),
  nullif(rtrim(left(btrim(upper(regexp_replace(p.arm, '[^A-Za-z0-9]+', '_', 'g')), '_'), 16), '_'), ''),
  'ARM');

ALTER TABLE participant_allocation ALTER COLUMN arm_code SET NOT NULL;

-- The comparator arm the trial declares (trial.design.comparatorArm, an arm code), if it does.
ALTER TABLE trial_snapshot ADD COLUMN comparator_arm text;
