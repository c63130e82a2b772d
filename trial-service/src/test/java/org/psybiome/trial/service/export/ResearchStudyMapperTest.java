package org.psybiome.trial.service.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialPhase;
import org.psybiome.trial.model.TrialStatus;

/** The mapping's choices, without the service: vocabularies and what a sparse record leaves out. */
class ResearchStudyMapperTest {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  /** R4 (4.0.1) research-study-status: the 11 codes of the required value set. */
  private static final List<String> R4_STATUSES =
      List.of(
          "active",
          "administratively-completed",
          "approved",
          "closed-to-accrual",
          "closed-to-accrual-and-intervention",
          "completed",
          "disapproved",
          "in-review",
          "temporarily-closed-to-accrual",
          "temporarily-closed-to-accrual-and-intervention",
          "withdrawn");

  private static final List<String> R4_PHASES =
      List.of(
          "n-a",
          "early-phase-1",
          "phase-1",
          "phase-1-phase-2",
          "phase-2",
          "phase-2-phase-3",
          "phase-3",
          "phase-4");

  private static TrialContent record(String json) {
    try {
      return JSON.readValue(json.replace('\'', '"'), TrialContent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TrialView trial(TrialStatus status, TrialContent content) {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    return new TrialView(
        "PSB-2026-000042",
        "MINDGUT",
        status,
        3,
        null,
        0,
        false,
        null,
        List.of(),
        now,
        now,
        content,
        null,
        null,
        null);
  }

  @Test
  void everyStatusHasItsR4Code() {
    Map<TrialStatus, String> expected =
        Map.of(
            TrialStatus.DRAFT, "in-review",
            TrialStatus.NOT_YET_RECRUITING, "approved",
            TrialStatus.RECRUITING, "active",
            TrialStatus.ENROLLING_BY_INVITATION, "active",
            TrialStatus.ACTIVE_NOT_RECRUITING, "closed-to-accrual",
            TrialStatus.SUSPENDED, "temporarily-closed-to-accrual",
            TrialStatus.COMPLETED, "completed",
            TrialStatus.TERMINATED, "administratively-completed",
            TrialStatus.WITHDRAWN, "withdrawn",
            TrialStatus.UNKNOWN, "active");
    assertThat(expected).containsOnlyKeys(TrialStatus.values());
    expected.forEach(
        (status, code) -> {
          assertThat(ResearchStudyMapper.status(status).toCode()).as("%s", status).isEqualTo(code);
          assertThat(R4_STATUSES).contains(code);
        });
  }

  @Test
  void everyPhaseIsAnR4PhaseCode() {
    assertThat(Arrays.stream(TrialPhase.values()))
        .allSatisfy(
            p ->
                assertThat(ResearchStudyMapper.phase(p).getCodingFirstRep().getCode())
                    .isIn(R4_PHASES));
    assertThat(ResearchStudyMapper.phase(TrialPhase.PHASE_1_2).getCodingFirstRep().getCode())
        .isEqualTo("phase-1-phase-2");
  }

  @Test
  void aSparseDraftExportsOnlyWhatItHolds() {
    ResearchStudy study =
        ResearchStudyMapper.researchStudy(
            trial(TrialStatus.DRAFT, record("{'publicTitle': 'Kefir for anxiety'}")));
    assertThat(study.getTitle()).isEqualTo("Kefir for anxiety");
    assertThat(study.getIdentifier()).hasSize(1);
    assertThat(study.getIdentifierFirstRep().hasPeriod()).isFalse();
    assertThat(study.hasDescription()).isFalse();
    assertThat(study.hasPhase()).isFalse();
    assertThat(study.hasPrimaryPurposeType()).isFalse();
    assertThat(study.hasPeriod()).isFalse();
    assertThat(study.hasSponsor()).isFalse();
    assertThat(study.hasEnrollment()).isFalse();
    assertThat(study.hasContained()).isFalse();
    assertThat(study.hasContact()).isFalse();
    assertThat(study.hasKeyword()).isFalse();
    assertThat(study.getCondition()).isEmpty();
    assertThat(study.getArm()).isEmpty();
    assertThat(study.getObjective()).isEmpty();
  }

  @Test
  void otherPurposeIsTextAndOtherRegistriesHaveNoSystem() {
    ResearchStudy study =
        ResearchStudyMapper.researchStudy(
            trial(
                TrialStatus.RECRUITING,
                record(
                    "{'design': {'primaryPurpose': 'OTHER'}, 'secondaryIds': [{'registry':"
                        + " 'OTHER', 'value': 'UMIN000012345', 'issuer': 'UMIN-CTR'}]}")));
    assertThat(study.getPrimaryPurposeType().hasCoding()).isFalse();
    assertThat(study.getPrimaryPurposeType().getText()).isEqualTo("Other");
    Identifier other = study.getIdentifier().get(1);
    assertThat(other.getUse()).isEqualTo(Identifier.IdentifierUse.SECONDARY);
    assertThat(other.hasSystem()).isFalse();
    assertThat(other.getValue()).isEqualTo("UMIN000012345");
    assertThat(other.getAssigner().getDisplay()).isEqualTo("UMIN-CTR");
  }
}
