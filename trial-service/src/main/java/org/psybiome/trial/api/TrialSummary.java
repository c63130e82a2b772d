package org.psybiome.trial.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psybiome.trial.model.TrialStatus;

/** A trial in search results. */
@Schema(
    requiredProperties = {
      "id",
      "consortium",
      "status",
      "version",
      "countries",
      "conditionCodes",
      "interventionTypes"
    })
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
