-- Participants belong to an arm's stable code, not its label, so that renaming an arm detaches
-- nobody. Arms stored before codes existed get theirs from their label when read
-- (ArmCodes.fromLabel: each run of characters other than ASCII letters and digits one
-- underscore, upper case, at most 16 characters, ARM when nothing is left); the participants enrolled in them get the same here.
ALTER TABLE participant ADD COLUMN arm_code text;

UPDATE participant p
SET arm_code = coalesce(
  (SELECT a ->> 'code'
   FROM trial t, jsonb_array_elements(t.content -> 'arms') a
   WHERE t.id = p.trial_id AND a ->> 'label' = p.arm AND a ->> 'code' IS NOT NULL),
  nullif(rtrim(left(btrim(upper(regexp_replace(p.arm, '[^A-Za-z0-9]+', '_', 'g')), '_'), 16), '_'), ''),
  'ARM');

ALTER TABLE participant ALTER COLUMN arm_code SET NOT NULL;
