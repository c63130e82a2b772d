package org.psybiome.trial.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One entry of a trial's audit trail. */
public record AuditEntryView(
    long id,
    Instant at,
    String actor,
    String consortium,
    String action,
    Integer version,
    String reason,
    JsonNode changes) {}
