package org.psybiome.persistence.idempotency;

/**
 * One use of a key: scoped by the caller (consortium and token subject) and the operation (method
 * and path template), so that keys of different callers or endpoints never meet: a replay goes only
 * to whoever made the first request (an emergency unblinding's answer names an arm, and each
 * person's access to it is audited); {@code fingerprint} is the hash of what the request asks
 * (path, If-Match, canonical body). {@code consortium} is "-" for a caller without one.
 */
public record IdempotentRequest(
    String consortium, String subject, String operation, String key, String fingerprint) {}
