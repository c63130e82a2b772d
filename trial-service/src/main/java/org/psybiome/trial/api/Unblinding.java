package org.psybiome.trial.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The request to unblind a trial: irreversible, so the reason is required. */
public record Unblinding(@NotBlank @Size(max = 2000) String reason) {}
