-- The transactional outbox (platform/outbox): rows written in the transaction of the change they
-- announce, relayed to Kafka in seq order per shard, deleted once Kafka has acknowledged them.
CREATE TABLE outbox_event (
  seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id           uuid        NOT NULL UNIQUE,
  topic        text        NOT NULL,
  aggregate_id text        NOT NULL,
  type         text        NOT NULL,
  shard        integer     NOT NULL,
  payload      text        NOT NULL,   -- the CloudEvents JSON exactly as it will be sent
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_event_shard_seq ON outbox_event (shard, seq);

-- The ids of consumed events (trial and allocation events), recorded in the transaction that
-- applies each one, so that a redelivered event is skipped.
CREATE TABLE processed_event (
  event_id     uuid        PRIMARY KEY,
  processed_at timestamptz NOT NULL DEFAULT now()
);
-- Consumers only insert and read their memory; nothing rewrites it.
REVOKE UPDATE, DELETE ON processed_event FROM ${app_role};
