package org.psybiome.trial.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of an import, as the API document describes it: a ClinicalTrials.gov API v2 study (its
 * sections, read as the source has them), or a page of its search ({@code studies}). Never read
 * into: the import streams the body (StudyDocuments).
 */
@Schema(
    name = "ClinicalTrialsGovStudy",
    description =
        "A study exactly as GET https://clinicaltrials.gov/api/v2/studies/{nctId} returns it, or a"
            + " page of studies as its search returns them; a JSON array of studies is read too."
            + " The sections are ClinicalTrials.gov's own, described by its data model.")
public record CtgovStudyDocument(
    @Schema(type = SchemaType.OBJECT, description = "identification, status, sponsor, design...")
        Map<String, Object> protocolSection,
    @Schema(type = SchemaType.OBJECT) Map<String, Object> resultsSection,
    @Schema(type = SchemaType.OBJECT) Map<String, Object> annotationSection,
    @Schema(type = SchemaType.OBJECT) Map<String, Object> documentSection,
    @Schema(type = SchemaType.OBJECT, description = "ClinicalTrials.gov's own derivations")
        Map<String, Object> derivedSection,
    Boolean hasResults,
    @Schema(description = "A page of studies, each shaped like this object")
        List<Map<String, Object>> studies,
    @Schema(description = "The search's next page, ignored") String nextPageToken) {}
