package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Samples a centred log-ratio summary could not use, at a visit, and why. */
@Schema(
    name = "ClrExclusion",
    requiredProperties = {"visit", "reason", "samples"})
public record ClrExclusion(
    String visit,
    @Schema(description = "why the sample's profile gives no log-ratio") String reason,
    @Schema(description = "how many participants' samples, one per participant") int samples) {}
