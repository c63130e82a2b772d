-- Idempotency-Key of every creating or state-changing request (platform/persistence,
-- IdempotencyInterceptor). A key is scoped by the caller (consortium and token subject) and the
-- operation (method and path template): callers never meet, and a replay goes only to its sender. It is claimed IN_FLIGHT in a transaction of
-- its own (a concurrent duplicate sees it: 409), then completed with the response in the
-- transaction of the write itself; a refused or failed request deletes its claim.
CREATE TABLE idempotent_request (
  consortium        text        NOT NULL,   -- '-' for a caller without one
  subject           text        NOT NULL,   -- the token's subject: keys are a caller's own
  operation         text        NOT NULL,   -- e.g. 'POST /api/v1/trials/{id}/status'
  key               text        NOT NULL,
  fingerprint       text        NOT NULL,   -- SHA-256 of path, If-Match and canonical body, hex
  claim             uuid        NOT NULL,   -- the claiming request's token
  state             text        NOT NULL,
  claimed_at        timestamptz NOT NULL DEFAULT now(),
  completed_at      timestamptz,
  response_status   integer,
  response_headers  text,                   -- JSON object: Location, ETag, Content-Type
  response_body     bytea,
  PRIMARY KEY (consortium, subject, operation, key),
  CONSTRAINT idempotent_request_state CHECK (state IN ('IN_FLIGHT', 'COMPLETED')),
  CONSTRAINT idempotent_request_completed CHECK (
    (state = 'COMPLETED') = (completed_at IS NOT NULL AND response_status IS NOT NULL))
);
-- The cleanup deletes by age.
CREATE INDEX idempotent_request_completed_at ON idempotent_request (completed_at)
  WHERE state = 'COMPLETED';
CREATE INDEX idempotent_request_claimed_at ON idempotent_request (claimed_at)
  WHERE state = 'IN_FLIGHT';
