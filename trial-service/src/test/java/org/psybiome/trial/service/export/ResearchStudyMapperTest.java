package org.psybiome.trial.service.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact;
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
            TrialStatus.WITHDRAWN, "withdrawn");
    assertThat(expected.keySet())
        .containsAll(EnumSet.complementOf(EnumSet.of(TrialStatus.UNKNOWN)));
    expected.forEach(
        (status, code) -> {
          assertThat(ResearchStudyMapper.status(status, null).toCode())
              .as("%s", status)
              .isEqualTo(code);
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

  @Test
  void unknownIsTheLastKnownStatusWithANoteThatItIsStale() {
    assertThat(ResearchStudyMapper.status(TrialStatus.UNKNOWN, TrialStatus.RECRUITING).toCode())
        .isEqualTo("active");
    assertThat(
            ResearchStudyMapper.status(TrialStatus.UNKNOWN, TrialStatus.ACTIVE_NOT_RECRUITING)
                .toCode())
        .isEqualTo("closed-to-accrual");
    assertThat(
            ResearchStudyMapper.status(TrialStatus.UNKNOWN, TrialStatus.NOT_YET_RECRUITING)
                .toCode())
        .isEqualTo("approved");
    assertThat(ResearchStudyMapper.status(TrialStatus.UNKNOWN, null).toCode()).isEqualTo("active");

    ResearchStudy study =
        ResearchStudyMapper.researchStudy(ExportFixtures.trial("imported-NCT03475563"));
    assertThat(study.getStatus().toCode()).isEqualTo("active");
    assertThat(study.getNoteFirstRep().getText())
        .isEqualTo(
            "Recruitment status unknown: not verified within two years; last verified 2019-11;"
                + " last known status RECRUITING");
    // an observational cohort is an arm of its own type
    assertThat(study.getArmFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("cohort");
    // an estimated enrolment is the planned one
    Group planned =
        (Group)
            study.getContained().stream()
                .filter(r -> r.getIdElement().getIdPart().equals("enrollment"))
                .findFirst()
                .orElseThrow();
    assertThat(planned.getQuantity()).isEqualTo(100);
    assertThat(planned.getActual()).isFalse();
  }

  @Test
  void theRicherRecordIsExported() {
    ResearchStudy study =
        ResearchStudyMapper.researchStudy(ExportFixtures.trial("probiotic-recruiting"));
    // month-only dates stay month-only
    assertThat(study.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-03");
    assertThat(study.getPeriod().getEndElement().getValueAsString()).isEqualTo("2028-06-30");
    assertThat(study.getCondition())
        .extracting(c -> c.getCodingFirstRep().getSystem() + "|" + c.getCodingFirstRep().getCode())
        .containsExactly(
            "https://www.nlm.nih.gov/mesh|D003866",
            "http://hl7.org/fhir/sid/icd-10|F32.1",
            "null|null");
    assertThat(study.getCondition().get(2).hasCoding()).isFalse();
    assertThat(study.getCondition().get(2).getText()).isEqualTo("gut microbiome");
    assertThat(study.getKeyword())
        .extracting(CodeableConcept::getText)
        .containsExactly("probiotic", "gut-brain axis");
    assertThat(study.getDescription())
        .isEqualTo(
            "Adjunctive Lactobacillus helveticus R0052 and Bifidobacterium longum R0175 in major"
                + " depressive disorder\n\nDoes a probiotic added to an SSRI improve depression?");
    assertThat(study.getSite())
        .extracting(Reference::getReference)
        .containsExactly("#site-1", "#site-2");
    Location seoul =
        (Location)
            study.getContained().stream()
                .filter(r -> r.getIdElement().getIdPart().equals("site-2"))
                .findFirst()
                .orElseThrow();
    assertThat(seoul.getName()).isEqualTo("Seoul National University Hospital");
    assertThat(seoul.getAddress().getCountry()).isEqualTo("KR");
    assertThat(study.getRelatedArtifact())
        .extracting(RelatedArtifact::getUrl)
        .containsExactly(
            "https://pubmed.ncbi.nlm.nih.gov/27509853/",
            "https://doi.org/10.1017/S0007114510004319",
            "https://example.org/probio-dep");
    assertThat(study.getPrincipalInvestigator().getDisplay()).isEqualTo("Anna Weber, MD");
    assertThat(study.getEnrollment())
        .extracting(Reference::getReference)
        .containsExactly("#enrollment", "#enrolled");
    Group enrolled =
        (Group)
            study.getContained().stream()
                .filter(r -> r.getIdElement().getIdPart().equals("enrolled"))
                .findFirst()
                .orElseThrow();
    assertThat(enrolled.getActual()).isTrue();
    assertThat(enrolled.getQuantity()).isEqualTo(17);
    // an outcome linked to a scale, without a title, is named by its code and time frame
    assertThat(study.getObjectiveFirstRep().getName()).isEqualTo("(HAMD17), Baseline to week 8");
  }
}
