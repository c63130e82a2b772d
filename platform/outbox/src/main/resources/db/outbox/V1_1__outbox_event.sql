-- The transactional outbox (platform/outbox): rows written in the transaction of the change they
-- announce, relayed to Kafka in seq order per shard, deleted once Kafka has acknowledged them.
-- Version 1.1: right after each service's V1, whose default privileges grant the application role
-- SELECT, INSERT, UPDATE, DELETE on this table and USAGE on its identity sequence.
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
