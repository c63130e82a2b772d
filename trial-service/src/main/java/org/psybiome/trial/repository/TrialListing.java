package org.psybiome.trial.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.psybiome.trial.model.TrialStatus;

/**
 * A trial as a search lists it: columns of its row and the two items of its document a listing
 * shows (acronym, condition codes in their order), read by SQL so that no document is parsed.
 */
public record TrialListing(
    String id,
    String consortium,
    TrialStatus status,
    int version,
    LocalDate registeredOn,
    Instant updatedAt,
    String publicTitle,
    String acronym,
    String primarySponsor,
    List<String> countries,
    List<String> conditionCodes,
    List<String> interventionTypes) {}
