package org.psybiome.persistence.idempotency;

/**
 * One use of a key: scoped by consortium and operation (method and path template), so that keys of
 * different consortia or endpoints never meet; {@code fingerprint} is the hash of what the request
 * asks (path, If-Match, canonical body).
 */
public record IdempotentRequest(
    String consortium, String operation, String key, String fingerprint) {}
