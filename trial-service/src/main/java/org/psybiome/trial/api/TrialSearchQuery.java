package org.psybiome.trial.api;

import java.time.LocalDate;
import java.util.List;
import org.psybiome.trial.model.TrialStatus;

/** The filters, order and page of a trial search; nulls mean "any". */
public record TrialSearchQuery(
    List<TrialStatus> statuses,
    String conditionCode,
    String interventionType,
    String genus,
    String species,
    String sponsor,
    String country,
    String consortium,
    LocalDate registeredFrom,
    LocalDate registeredTo,
    String text,
    String secondaryId,
    TrialSort sort,
    int pageSize,
    String pageToken) {}
