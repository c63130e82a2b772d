package org.psybiome.trial.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.psybiome.common.problem.Violation;

/**
 * What a document must have to be read as a ClinicalTrials.gov study record of a trial: an object
 * with a protocol section, an NCT number, a brief title, an overall status and a study type that
 * ClinicalTrials.gov has, and not an expanded access record. Anything else that is missing or odd
 * is a matter for the import notes, not a reason to refuse the document.
 */
final class CtgovStudyCheck {

  static final String ID = "/protocolSection/identificationModule";
  static final String STATUS = "/protocolSection/statusModule";
  static final String DESIGN = "/protocolSection/designModule";

  private static final Pattern NCT = Pattern.compile("NCT\\d{8}");

  // ClinicalTrials.gov's OverallStatus: the trial statuses, UNKNOWN, and expanded access's
  private static final Set<String> TRIAL_STATUSES =
      Set.of(
          "NOT_YET_RECRUITING",
          "RECRUITING",
          "ENROLLING_BY_INVITATION",
          "ACTIVE_NOT_RECRUITING",
          "SUSPENDED",
          "COMPLETED",
          "TERMINATED",
          "WITHDRAWN");
  private static final Set<String> EXPANDED_ACCESS_STATUSES =
      Set.of(
          "AVAILABLE",
          "NO_LONGER_AVAILABLE",
          "TEMPORARILY_NOT_AVAILABLE",
          "APPROVED_FOR_MARKETING",
          "WITHHELD");

  private CtgovStudyCheck() {}

  static List<Violation> violations(JsonNode document) {
    List<Violation> violations = new ArrayList<>();
    if (document == null || !document.isObject()) {
      violations.add(
          Violation.of("", "must be a JSON object: a ClinicalTrials.gov API v2 study record"));
      return violations;
    }
    if (!document.path("protocolSection").isObject()) {
      violations.add(
          Violation.of(
              "/protocolSection", "is missing: every ClinicalTrials.gov study record has one"));
      return violations;
    }
    JsonNode nctId = document.at(ID + "/nctId");
    if (nctId.isMissingNode() || nctId.isNull()) {
      violations.add(Violation.of(ID + "/nctId", "is missing"));
    } else if (!nctId.isTextual() || !NCT.matcher(nctId.textValue()).matches()) {
      violations.add(
          Violation.of(ID + "/nctId", "must be an NCT number: NCT followed by 8 digits"));
    }
    JsonNode briefTitle = document.at(ID + "/briefTitle");
    if (!briefTitle.isTextual() || briefTitle.textValue().isBlank()) {
      violations.add(
          Violation.of(
              ID + "/briefTitle",
              briefTitle.isMissingNode() || briefTitle.isNull()
                  ? "is missing: every ClinicalTrials.gov study has a brief title"
                  : "must be a text that is not blank"));
    }
    status(document.at(STATUS + "/overallStatus"), STATUS + "/overallStatus", true, violations);
    status(
        document.at(STATUS + "/lastKnownStatus"), STATUS + "/lastKnownStatus", false, violations);
    JsonNode studyType = document.at(DESIGN + "/studyType");
    if (studyType.isMissingNode() || studyType.isNull()) {
      violations.add(Violation.of(DESIGN + "/studyType", "is missing"));
    } else if ("EXPANDED_ACCESS".equals(studyType.asText())) {
      violations.add(
          Violation.of(
              DESIGN + "/studyType",
              "is EXPANDED_ACCESS: an expanded access record is not a trial, Psybiome registers"
                  + " trials"));
    } else if (!Set.of("INTERVENTIONAL", "OBSERVATIONAL").contains(studyType.asText())
        || !studyType.isTextual()) {
      violations.add(
          Violation.of(
              DESIGN + "/studyType",
              "is not a ClinicalTrials.gov study type (INTERVENTIONAL, OBSERVATIONAL)"));
    }
    return violations;
  }

  private static void status(
      JsonNode status, String pointer, boolean required, List<Violation> violations) {
    if (status.isMissingNode() || status.isNull()) {
      if (required) {
        violations.add(Violation.of(pointer, "is missing"));
      }
      return;
    }
    String value = status.isTextual() ? status.textValue() : "";
    if (EXPANDED_ACCESS_STATUSES.contains(value)) {
      violations.add(
          Violation.of(
              pointer,
              "is "
                  + value
                  + ", a status of expanded access: such a record is not a trial, Psybiome"
                  + " registers trials"));
    } else if (!TRIAL_STATUSES.contains(value) && !(required && "UNKNOWN".equals(value))) {
      violations.add(
          Violation.of(
              pointer,
              "is not a ClinicalTrials.gov "
                  + (required ? "overall" : "last known")
                  + " status of a trial"));
    }
  }
}
