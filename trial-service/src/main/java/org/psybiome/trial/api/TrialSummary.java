package org.psybiome.trial.api;

import java.time.LocalDate;
import java.util.List;
import org.psybiome.trial.model.TrialStatus;

/** A trial in search results. */
public record TrialSummary(
    String id,
    String consortium,
    TrialStatus status,
    int version,
    LocalDate registeredOn,
    String publicTitle,
    String acronym,
    String primarySponsor,
    List<String> countries,
    List<String> conditionCodes,
    List<String> interventionTypes) {}
