-- Idempotent consumers (platform/outbox ProcessedEvents): the id of each consumed event, recorded
-- in the transaction that applies it, so that a redelivered event is skipped.
-- Version 1.2: after each service's V1, whose default privileges grant the application role on it.
CREATE TABLE processed_event (
  event_id     uuid        PRIMARY KEY,
  processed_at timestamptz NOT NULL DEFAULT now()
);
-- Consumers only insert and read their memory; nothing rewrites it.
REVOKE UPDATE, DELETE ON processed_event FROM ${app_role};
