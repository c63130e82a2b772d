package org.psybiome.trial.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where an imported trial's record came from: the source registry's document as it was received,
 * and what of it has no place in the record, kept verbatim so that nothing is lost.
 *
 * @param registry the source registry, e.g. ClinicalTrials.gov
 * @param sourceId the trial's id there, e.g. NCT03893162
 * @param sourceVersion the version of the source's record that was imported (for
 *     ClinicalTrials.gov, the date of its last update posted)
 * @param unmapped each item of the source document without a place in the record, by its JSON
 *     pointer in the source document, with its value as the source gave it
 */
public record SourceRecord(
    String registry,
    String sourceId,
    String sourceVersion,
    Instant importedAt,
    String importedBy,
    @Schema(
            type = SchemaType.OBJECT,
            description =
                "Items of the source document with no place in the record, by JSON pointer, verbatim")
        Map<String, JsonNode> unmapped) {}
