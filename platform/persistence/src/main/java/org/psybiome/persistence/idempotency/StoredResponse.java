package org.psybiome.persistence.idempotency;

import java.util.Map;

/**
 * The answer to replay for a key: status, the headers a client needs (Location, ETag, Content-Type)
 * and the body as sent.
 */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {}
