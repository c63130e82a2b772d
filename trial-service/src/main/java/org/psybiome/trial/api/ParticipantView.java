package org.psybiome.trial.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant; {@code arm} is absent while the trial is blinded to the caller. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"code", "enrolledOn"})
public record ParticipantView(String code, String arm, LocalDate enrolledOn) {}
