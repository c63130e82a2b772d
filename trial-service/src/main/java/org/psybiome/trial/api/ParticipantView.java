package org.psybiome.trial.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** A participant; {@code arm} is absent while the trial is blinded to the caller. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantView(String code, String arm, LocalDate enrolledOn) {}
