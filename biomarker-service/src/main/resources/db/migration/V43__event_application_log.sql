-- Every time this service's trial-events consumer takes up an event: applied, or skipped because
-- its id was processed before (a redelivery). Append-only and deliberately without a unique key on
-- event_id: processed_event (whose primary key is the event id) is what makes the consumer skip a
-- redelivery; this log is what shows it worked. An event applied twice shows here as two
-- 'applied' rows, where processed_event could only ever show one. Operators read it to see how
-- often trial-service's relay resent events, and the fault drills (RELIABILITY.md, drills 1 and 6)
-- assert that every event id was applied exactly once.
CREATE TABLE event_application (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id   uuid        NOT NULL,
  event_type text        NOT NULL,
  outcome    text        NOT NULL CHECK (outcome IN ('APPLIED', 'SKIPPED_DUPLICATE')),
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_application_event ON event_application (event_id);
-- The consumer only appends; nothing rewrites or removes what happened.
REVOKE UPDATE, DELETE ON event_application FROM ${app_role};
