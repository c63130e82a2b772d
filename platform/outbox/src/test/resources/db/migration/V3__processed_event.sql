-- Idempotent consumers (platform/outbox ProcessedEvents): each consumed event id, recorded in the
-- transaction of its effect.
CREATE TABLE processed_event (
  event_id     uuid        PRIMARY KEY,
  processed_at timestamptz NOT NULL DEFAULT now()
);
