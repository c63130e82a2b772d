-- Reads of a whole trial in id order: keyset paging without a filter, and the streaming export,
-- which must hand out its first row without sorting the trial's results first. The other result
-- indexes lead with analyte or participant and cannot give a trial's rows in id order.
CREATE INDEX result_trial_id ON result (trial_id, id);
