package org.psybiome.trial.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.psybiome.trial.service.imports.CtgovDocuments.document;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.trial.model.ArmType;
import org.psybiome.trial.model.DateType;
import org.psybiome.trial.model.EnrolmentType;
import org.psybiome.trial.model.Intervention;
import org.psybiome.trial.model.MaskedRole;
import org.psybiome.trial.model.MaskingLevel;
import org.psybiome.trial.model.ObservationalModel;
import org.psybiome.trial.model.PartialDate;
import org.psybiome.trial.model.RegulatoryType;
import org.psybiome.trial.model.SecondaryIdKind;
import org.psybiome.trial.model.SecondaryRegistry;
import org.psybiome.trial.model.StudyType;
import org.psybiome.trial.model.TimePerspective;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialContent.Milestone;
import org.psybiome.trial.model.TrialPhase;
import org.psybiome.trial.model.TrialStatus;
import org.psybiome.trial.service.imports.ImportedStudy.HistoricStatus;

/**
 * Each of the ten real documents read into the record. Expected values are read by hand from the
 * JSON file named in each test, at the pointer given in the comments (statusModule is
 * /protocolSection/statusModule, and so on).
 */
class CtgovStudyMapperTest {

  private final CtgovStudyMapper mapper = CtgovDocuments.mapper();

  private ImportedStudy study(String nctId) {
    return mapper.map(document(nctId));
  }

  private static Milestone milestone(String date, DateType type) {
    return new Milestone(PartialDate.parse(date), type);
  }

  @Test
  void completedPlaceboControlledTrialWithMonthOnlyDatesAndResults() {
    ImportedStudy study = study("NCT00763412");
    TrialContent c = study.content();
    // statusModule: overallStatus COMPLETED, no lastKnownStatus, lastUpdatePostDateStruct
    // 2017-06-05
    assertThat(study.sourceId()).isEqualTo("NCT00763412");
    assertThat(study.sourceVersion()).isEqualTo("2017-06-05");
    assertThat(study.status()).isEqualTo(TrialStatus.COMPLETED);
    assertThat(study.lastKnownStatus()).isNull();
    // startDateStruct {date 2006-11} has no type: kept without one; the status COMPLETED makes
    // it ACTUAL for the status history, which a warning says
    assertThat(c.dates().studyStart()).isEqualTo(milestone("2006-11", null));
    assertThat(study.notes())
        .anyMatch(
            n ->
                n.kind() == ImportNote.Kind.WARNING
                    && n.field().equals("dates.studyStart.type")
                    && n.message().contains("takes it as ACTUAL"));
    assertThat(c.dates().primaryCompletion()).isEqualTo(milestone("2013-01", DateType.ACTUAL));
    assertThat(c.dates().studyCompletion()).isEqualTo(milestone("2013-01", DateType.ACTUAL));
    assertThat(c.dates().statusVerified()).isEqualTo(PartialDate.parse("2017-05"));
    // a month has no 1.0 (day) form
    assertThat(c.anticipatedFirstEnrolment()).isNull();
    assertThat(c.completionDate()).isNull();
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .containsExactly(
            tuple(TrialStatus.RECRUITING, LocalDate.of(2006, 11, 1)),
            tuple(TrialStatus.COMPLETED, LocalDate.of(2013, 1, 1)));
    assertThat(study.statusHistory().get(0).reason())
        .contains("ClinicalTrials.gov gives 2006-11 only");
    assertThat(study.statusHistory().get(1).reason())
        .contains("ClinicalTrials.gov gives 2013-01 only");
    // armGroups: "1 Placebo" PLACEBO_COMPARATOR with "Drug: placebo", "2. repaglinide" EXPERIMENTAL
    assertThat(c.arms())
        .extracting(
            TrialContent.Arm::label, TrialContent.Arm::type, TrialContent.Arm::interventionCodes)
        .containsExactly(
            tuple("1 Placebo", ArmType.PLACEBO_COMPARATOR, List.of("PLACEBO")),
            tuple("2. repaglinide", ArmType.EXPERIMENTAL, List.of("REPAGLINIDE")));
    // interventions: DRUG placebo, DRUG repaglinide (otherNames ["Prandin"])
    assertThat(c.interventions().get(0)).isInstanceOf(Intervention.Placebo.class);
    assertThat(c.interventions().get(1)).isInstanceOf(Intervention.Other.class);
    assertThat(c.interventions())
        .extracting(Intervention::code, Intervention::name, Intervention::regulatoryType)
        .containsExactly(
            tuple("PLACEBO", "placebo", RegulatoryType.DRUG),
            tuple("REPAGLINIDE", "repaglinide", RegulatoryType.DRUG));
    // enrollmentInfo {31, ACTUAL}: the target is not on ClinicalTrials.gov any more
    assertThat(c.enrolment())
        .isEqualTo(new TrialContent.ReportedEnrolment(31, EnrolmentType.ACTUAL));
    assertThat(c.targetSampleSize()).isNull();
    // locations: one, in the United States
    assertThat(c.sites()).hasSize(1);
    assertThat(c.countries()).containsExactly("US");
    // outcomesModule: 3 primary, 6 secondary, no other
    assertThat(c.primaryOutcomes()).hasSize(3);
    assertThat(c.secondaryOutcomes()).hasSize(6);
    assertThat(c.otherOutcomes()).isEmpty();
    // designModule: phases [NA], masking QUADRUPLE with its four roles
    assertThat(c.design().phase()).isEqualTo(TrialPhase.NA);
    assertThat(c.design().masking().level()).isEqualTo(MaskingLevel.QUADRUPLE);
    // identificationModule: orgStudyIdInfo 05-1109 of "Arbelaez, Ana Maria"; NIH P60DK020579
    assertThat(c.secondaryIds())
        .containsExactly(
            new TrialContent.SecondaryId(
                SecondaryRegistry.NCT, "NCT00763412", null, SecondaryIdKind.REGISTRY),
            new TrialContent.SecondaryId(
                SecondaryRegistry.OTHER,
                "05-1109",
                "Arbelaez, Ana Maria",
                SecondaryIdKind.SPONSOR_PROTOCOL),
            new TrialContent.SecondaryId(
                SecondaryRegistry.OTHER, "P60DK020579", "NIH", SecondaryIdKind.GRANT));
    // resultsSection: 2 flow groups, 16 baseline measures, 9 outcome measures, 2 event groups;
    // resultsFirstPostDateStruct 2017-06-05; limitationsAndCaveats of 57 characters
    var results = c.summaryResults();
    assertThat(results.postedOn()).isEqualTo(LocalDate.of(2017, 6, 5));
    assertThat(results.url()).isEqualTo("https://clinicaltrials.gov/study/NCT00763412?tab=results");
    assertThat(results.participantFlow().groups()).hasSize(2);
    assertThat(results.baselineCharacteristics().measures()).hasSize(16);
    assertThat(results.outcomeMeasures()).hasSize(9);
    assertThat(results.adverseEvents().eventGroups()).hasSize(2);
    assertThat(results.limitationsAndCaveats()).hasSize(57);
    assertThat(c.originalRegistration())
        .isEqualTo(
            new TrialContent.OriginalRegistration(
                SecondaryRegistry.NCT,
                "NCT00763412",
                LocalDate.of(2008, 9, 29),
                LocalDate.of(2008, 10, 1),
                LocalDate.of(2017, 6, 5),
                LocalDate.of(2017, 6, 5)));
  }

  @Test
  void withdrawnTrial() {
    ImportedStudy study = study("NCT00973089");
    TrialContent c = study.content();
    assertThat(study.status()).isEqualTo(TrialStatus.WITHDRAWN);
    // startDateStruct {date 2010-05} without a type: kept without one (a withdrawn study never
    // started: ANTICIPATED for the history)
    assertThat(c.dates().studyStart()).isEqualTo(milestone("2010-05", null));
    // statusVerifiedDate 2015-08; whyStopped "recruiting or enrolling participants has halted..."
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .containsExactly(tuple(TrialStatus.WITHDRAWN, LocalDate.of(2015, 8, 1)));
    assertThat(study.statusHistory().get(0).reason())
        .isEqualTo(
            "recruiting or enrolling participants has halted prematurely and will not resume");
    // armGroups: NO_INTERVENTION without interventions, OTHER with the one intervention
    assertThat(c.arms())
        .extracting(
            TrialContent.Arm::label, TrialContent.Arm::type, TrialContent.Arm::interventionCodes)
        .containsExactly(
            tuple("Complete caries removal", ArmType.NO_INTERVENTION, List.of()),
            tuple(
                "Incomplete caries removal",
                ArmType.OTHER,
                List.of("INCOMPLETE_CARIES_REMOVAL_IN_PRI")));
    assertThat(c.interventions().get(0).otherNames()).containsExactly("Indirect pulp capping");
    // enrollmentInfo {0, ACTUAL}
    assertThat(c.enrolment())
        .isEqualTo(new TrialContent.ReportedEnrolment(0, EnrolmentType.ACTUAL));
    assertThat(c.targetSampleSize()).isNull();
    assertThat(c.countries()).containsExactly("IL");
    assertThat(c.primaryOutcomes()).hasSize(1);
    // an outcomes module without secondary outcomes says there are none
    assertThat(c.secondaryOutcomes()).isEmpty();
    assertThat(c.secondaryIds())
        .extracting(TrialContent.SecondaryId::value, TrialContent.SecondaryId::issuer)
        .containsExactly(
            tuple("NCT00973089", null), tuple("LSA001-HMO-CTIL", "Hadassah Medical Organization"));
    assertThat(c.summaryResults()).isNull();
    // responsibleParty: PRINCIPAL_INVESTIGATOR Moti Moskovitz
    assertThat(c.responsibleParty().investigatorName()).isEqualTo("Moti Moskovitz");
  }

  @Test
  void phase2PlaceboTrialWithDays() {
    ImportedStudy study = study("NCT03418623");
    TrialContent c = study.content();
    // startDateStruct 2018-03-08 ACTUAL, completionDateStruct 2020-03-13 ACTUAL
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .containsExactly(
            tuple(TrialStatus.RECRUITING, LocalDate.of(2018, 3, 8)),
            tuple(TrialStatus.COMPLETED, LocalDate.of(2020, 3, 13)));
    assertThat(c.anticipatedFirstEnrolment()).isEqualTo(LocalDate.of(2018, 3, 8));
    assertThat(c.completionDate()).isEqualTo(LocalDate.of(2020, 3, 13));
    // interventions: DRUG GET73, OTHER Placebo
    assertThat(c.interventions())
        .extracting(Intervention::typeName, Intervention::code, Intervention::regulatoryType)
        .containsExactly(
            tuple("OTHER", "GET73", RegulatoryType.DRUG),
            tuple("PLACEBO", "PLACEBO", RegulatoryType.OTHER));
    assertThat(c.arms())
        .extracting(TrialContent.Arm::type, TrialContent.Arm::interventionCodes)
        .containsExactly(
            tuple(ArmType.EXPERIMENTAL, List.of("GET73")),
            tuple(ArmType.PLACEBO_COMPARATOR, List.of("PLACEBO")));
    assertThat(c.design().phase()).isEqualTo(TrialPhase.PHASE_2);
    assertThat(c.enrolment().count()).isEqualTo(24);
    assertThat(c.primaryOutcomes()).hasSize(1);
    assertThat(c.secondaryOutcomes()).hasSize(2);
    // orgStudyIdInfo "GET73 ¹H-MRS" of Laboratorio Farmaceutico Ct S.r.l.
    assertThat(c.secondaryIds().get(1))
        .isEqualTo(
            new TrialContent.SecondaryId(
                SecondaryRegistry.OTHER,
                "GET73 ¹H-MRS",
                "Laboratorio Farmaceutico Ct S.r.l.",
                SecondaryIdKind.SPONSOR_PROTOCOL));
  }

  @Test
  void unknownStatusObservationalRegistry() {
    ImportedStudy study = study("NCT03475563");
    TrialContent c = study.content();
    // overallStatus UNKNOWN, lastKnownStatus RECRUITING
    assertThat(study.status()).isEqualTo(TrialStatus.UNKNOWN);
    assertThat(study.lastKnownStatus()).isEqualTo(TrialStatus.RECRUITING);
    assertThat(c.dates().studyStart()).isEqualTo(milestone("2018-08-16", DateType.ACTUAL));
    assertThat(c.dates().primaryCompletion())
        .isEqualTo(milestone("2019-12-30", DateType.ANTICIPATED));
    assertThat(c.dates().studyCompletion())
        .isEqualTo(milestone("2019-12-30", DateType.ANTICIPATED));
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .containsExactly(tuple(TrialStatus.RECRUITING, LocalDate.of(2018, 8, 16)));
    // designModule: OBSERVATIONAL, patientRegistry, CASE_ONLY, PROSPECTIVE; targetDuration unmapped
    assertThat(c.design().studyType()).isEqualTo(StudyType.OBSERVATIONAL);
    assertThat(c.design().patientRegistry()).isTrue();
    assertThat(c.design().observationalModel()).isEqualTo(ObservationalModel.CASE_ONLY);
    assertThat(c.design().timePerspective()).isEqualTo(TimePerspective.PROSPECTIVE);
    assertThat(study.unmapped())
        .containsEntry(
            "/protocolSection/designModule/targetDuration",
            CtgovDocuments.JSON.getNodeFactory().textNode("12 Months"));
    // one group without a type: a cohort
    assertThat(c.arms())
        .extracting(
            TrialContent.Arm::label, TrialContent.Arm::type, TrialContent.Arm::interventionCodes)
        .containsExactly(
            tuple(
                "Patients with coronary artery disease",
                ArmType.COHORT,
                List.of("CORONARY_ANGIOPLASTY_WITH_STENT")));
    // enrollmentInfo {100, ESTIMATED}: the target sample size
    assertThat(c.enrolment())
        .isEqualTo(new TrialContent.ReportedEnrolment(100, EnrolmentType.ESTIMATED));
    assertThat(c.targetSampleSize()).isEqualTo(100);
    assertThat(c.sites()).hasSize(3);
    assertThat(c.countries()).containsExactly("ES");
    assertThat(c.primaryOutcomes()).hasSize(3);
    assertThat(c.secondaryOutcomes()).hasSize(4);
    // centralContacts[0] has name, phone and e-mail; [1] only a name: no scientific contact
    assertThat(c.publicContact())
        .isEqualTo(
            new TrialContent.Contact(
                "Imanol Otaegui, MD", null, "iotaegui@vhebron.net", "+342746155", null));
    assertThat(c.scientificContact()).isNull();
    assertThat(study.notes())
        .anyMatch(
            n -> n.kind() == ImportNote.Kind.WARNING && n.field().equals("scientificContact"));
    assertThat(study.unmapped())
        .containsKey("/protocolSection/contactsLocationsModule/centralContacts/1");
    // eligibilityModule: minimumAge 18 Years, no maximum
    assertThat(c.eligibility().minimumAge()).isEqualTo("18 Years");
    assertThat(c.eligibility().minAgeYears()).isEqualTo(18);
    assertThat(c.eligibility().maxAgeYears()).isNull();
  }

  @Test
  void adolescentDepressionTrial() {
    ImportedStudy study = study("NCT03630471");
    TrialContent c = study.content();
    // start 2018-08-20, primary completion 2019-01-20, completion 2019-02-28, all ACTUAL
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .containsExactly(
            tuple(TrialStatus.RECRUITING, LocalDate.of(2018, 8, 20)),
            tuple(TrialStatus.COMPLETED, LocalDate.of(2019, 2, 28)));
    assertThat(c.arms())
        .extracting(
            TrialContent.Arm::label, TrialContent.Arm::type, TrialContent.Arm::interventionCodes)
        .containsExactly(
            tuple("Control", ArmType.ACTIVE_COMPARATOR, List.of("ENHANCED_USUAL_CARE")),
            tuple(
                "Intervention", ArmType.EXPERIMENTAL, List.of("PRIDE_STEP_1_PROBLEM-SOLVING_INT")));
    assertThat(c.interventions()).allMatch(i -> i.regulatoryType() == RegulatoryType.BEHAVIORAL);
    // maskingInfo DOUBLE: INVESTIGATOR, OUTCOMES_ASSESSOR, with a description
    assertThat(c.design().masking().maskedRoles())
        .containsExactly(MaskedRole.INVESTIGATOR, MaskedRole.OUTCOMES_ASSESSOR);
    assertThat(c.design().masking().description()).startsWith("The randomization list");
    assertThat(c.design().interventionModelDescription()).startsWith("A two-arm");
    assertThat(c.enrolment().count()).isEqualTo(250);
    assertThat(c.countries()).containsExactly("IN");
    assertThat(c.primaryOutcomes()).hasSize(2);
    assertThat(c.secondaryOutcomes()).hasSize(9);
    // collaborators: Harvard Medical School (HMS and HSDM), LSHTM
    assertThat(c.collaborators()).hasSize(2);
    assertThat(c.eligibility().minAgeYears()).isEqualTo(13);
    assertThat(c.eligibility().maxAgeYears()).isEqualTo(20);
    assertThat(study.unmapped()).containsKey("/documentSection");
  }

  @Test
  void unknownStatusLastKnownActiveNotRecruitingWithDevices() {
    ImportedStudy study = study("NCT04207047");
    TrialContent c = study.content();
    assertThat(study.status()).isEqualTo(TrialStatus.UNKNOWN);
    assertThat(study.lastKnownStatus()).isEqualTo(TrialStatus.ACTIVE_NOT_RECRUITING);
    // start 2018-10-02 ACTUAL, primary completion 2018-10-31 ACTUAL, completion 2020-03-31
    // ESTIMATED
    assertThat(c.dates().studyCompletion())
        .isEqualTo(milestone("2020-03-31", DateType.ANTICIPATED));
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .containsExactly(
            tuple(TrialStatus.RECRUITING, LocalDate.of(2018, 10, 2)),
            tuple(TrialStatus.ACTIVE_NOT_RECRUITING, LocalDate.of(2018, 10, 31)));
    // four EXPERIMENTAL groups; Group D has all five devices
    assertThat(c.arms())
        .extracting(TrialContent.Arm::label)
        .containsExactly("Group A", "Group B", "Group C", "Group D");
    assertThat(c.arms()).allMatch(a -> a.type() == ArmType.EXPERIMENTAL);
    assertThat(c.arms().get(0).interventionCodes()).containsExactly("GENIUS");
    assertThat(c.arms().get(3).interventionCodes())
        .containsExactly("GENIUS", "EC02", "PICOPLUS", "LASEMD", "LASEMD_FLEX");
    assertThat(c.enrolment())
        .isEqualTo(new TrialContent.ReportedEnrolment(3, EnrolmentType.ACTUAL));
    assertThat(c.countries()).containsExactly("US");
    assertThat(c.primaryOutcomes()).hasSize(1);
    assertThat(c.secondaryOutcomes()).hasSize(1);
    // oversightModule: DMC false, drug false, device true, unapproved device true, US export false
    assertThat(c.oversight())
        .isEqualTo(new TrialContent.Oversight(false, false, true, true, false));
  }

  @Test
  void recruitingTrialWithOver1100Sites() {
    ImportedStudy study = study("NCT04267848");
    TrialContent c = study.content();
    assertThat(study.status()).isEqualTo(TrialStatus.RECRUITING);
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .containsExactly(tuple(TrialStatus.RECRUITING, LocalDate.of(2020, 6, 16)));
    assertThat(c.dates().studyCompletion())
        .isEqualTo(milestone("2025-12-15", DateType.ANTICIPATED));
    assertThat(c.arms())
        .extracting(TrialContent.Arm::type)
        .containsExactly(ArmType.ACTIVE_COMPARATOR, ArmType.EXPERIMENTAL, ArmType.EXPERIMENTAL);
    // Arm A lists 11 interventions (no pembrolizumab); 12 interventions in all
    assertThat(c.arms().get(0).interventionCodes()).hasSize(11).doesNotContain("PEMBROLIZUMAB");
    assertThat(c.arms().get(1).interventionCodes()).contains("PEMBROLIZUMAB");
    assertThat(c.interventions()).hasSize(12);
    // enrollmentInfo {1210, ESTIMATED}
    assertThat(c.targetSampleSize()).isEqualTo(1210);
    assertThat(c.enrolment())
        .isEqualTo(new TrialContent.ReportedEnrolment(1210, EnrolmentType.ESTIMATED));
    // 1148 locations, the first in the United States, some in Guam
    assertThat(c.sites()).hasSize(1148);
    assertThat(c.countries()).containsExactly("US", "GU");
    assertThat(c.primaryOutcomes()).hasSize(1);
    assertThat(c.secondaryOutcomes()).hasSize(4);
    assertThat(c.otherOutcomes()).hasSize(3);
    // orgStudyIdInfo NCI-2020-00751 of the NCI; secondaryIdInfos: NCI-2020-00751 REGISTRY (CTRP),
    // A081801 OTHER (Alliance), A081801 OTHER (CTEP), U10CA180821 NIH
    assertThat(c.secondaryIds())
        .extracting(
            TrialContent.SecondaryId::registry,
            TrialContent.SecondaryId::value,
            TrialContent.SecondaryId::issuer,
            TrialContent.SecondaryId::kind)
        .containsExactly(
            tuple(SecondaryRegistry.NCT, "NCT04267848", null, SecondaryIdKind.REGISTRY),
            tuple(
                SecondaryRegistry.OTHER,
                "NCI-2020-00751",
                "National Cancer Institute (NCI)",
                SecondaryIdKind.SPONSOR_PROTOCOL),
            tuple(
                SecondaryRegistry.OTHER,
                "NCI-2020-00751",
                "CTRP (Clinical Trial Reporting Program)",
                SecondaryIdKind.REGISTRY),
            tuple(
                SecondaryRegistry.OTHER,
                "A081801",
                "Alliance for Clinical Trials in Oncology",
                SecondaryIdKind.OTHER),
            tuple(SecondaryRegistry.OTHER, "A081801", "CTEP", SecondaryIdKind.OTHER),
            tuple(SecondaryRegistry.OTHER, "U10CA180821", "NIH", SecondaryIdKind.GRANT));
    // interventions[2] (Cisplatin) has 42 other names: the record holds 20, the rest unmapped
    assertThat(c.interventions().get(2).name()).isEqualTo("Cisplatin");
    assertThat(c.interventions().get(2).otherNames()).hasSize(20);
    assertThat(study.unmapped().keySet())
        .filteredOn(k -> k.startsWith("/protocolSection/armsInterventionsModule/interventions/2/"))
        .hasSize(22)
        .contains("/protocolSection/armsInterventionsModule/interventions/2/otherNames/41");
    assertThat(study.notes()).anyMatch(n -> n.field().equals("interventions[2].otherNames"));
  }

  @Test
  void eightArmPhase2And3TrialWithResults() {
    ImportedStudy study = study("NCT04431453");
    TrialContent c = study.content();
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .containsExactly(
            tuple(TrialStatus.RECRUITING, LocalDate.of(2020, 7, 21)),
            tuple(TrialStatus.COMPLETED, LocalDate.of(2023, 2, 10)));
    // phases [PHASE2, PHASE3], NON_RANDOMIZED, 8 EXPERIMENTAL cohorts all given remdesivir
    assertThat(c.design().phase()).isEqualTo(TrialPhase.PHASE_2_3);
    assertThat(c.arms()).hasSize(8).allMatch(a -> a.type() == ArmType.EXPERIMENTAL);
    assertThat(c.arms()).allMatch(a -> a.interventionCodes().equals(List.of("REMDESIVIR")));
    assertThat(c.arms().get(0).label())
        .isEqualTo("Remdesivir (RDV), Cohort 1: Age 12 to <18 Years and Weight ≥40 kg");
    assertThat(c.enrolment())
        .isEqualTo(new TrialContent.ReportedEnrolment(59, EnrolmentType.ACTUAL));
    // 32 locations in the US, Italy, Spain and the UK, in that order of first appearance
    assertThat(c.sites()).hasSize(32);
    assertThat(c.countries()).containsExactly("US", "IT", "ES", "GB");
    assertThat(c.primaryOutcomes()).hasSize(4);
    assertThat(c.secondaryOutcomes()).hasSize(10);
    // secondaryIdInfos: 2020-001803-17 EUDRACT_NUMBER
    assertThat(c.secondaryIds())
        .contains(
            new TrialContent.SecondaryId(
                SecondaryRegistry.EUDRACT, "2020-001803-17", null, SecondaryIdKind.REGISTRY));
    // resultsSection: 8 flow groups, 14 outcome measures, 8 event groups; posted 2023-12-22
    var results = c.summaryResults();
    assertThat(results.postedOn()).isEqualTo(LocalDate.of(2023, 12, 22));
    assertThat(results.participantFlow().groups()).hasSize(8);
    assertThat(results.outcomeMeasures()).hasSize(14);
    assertThat(results.adverseEvents().eventGroups()).hasSize(8);
    assertThat(results.limitationsAndCaveats()).isNull();
  }

  @Test
  void observationalStudyWithResultsAndNoGroups() {
    ImportedStudy study = study("NCT05594173");
    TrialContent c = study.content();
    assertThat(study.status()).isEqualTo(TrialStatus.COMPLETED);
    assertThat(c.design().studyType()).isEqualTo(StudyType.OBSERVATIONAL);
    // no armGroups; one OTHER intervention, "Food texture modification"
    assertThat(c.arms()).isEmpty();
    assertThat(c.interventions())
        .extracting(Intervention::name)
        .containsExactly("Food texture modification");
    assertThat(c.enrolment())
        .isEqualTo(new TrialContent.ReportedEnrolment(20, EnrolmentType.ACTUAL));
    assertThat(c.countries()).containsExactly("CA");
    assertThat(c.primaryOutcomes()).hasSize(2);
    assertThat(c.secondaryOutcomes()).isEmpty();
    // orgStudyIdInfo 15-9431.10; NIH R01DC011020
    assertThat(c.secondaryIds())
        .extracting(TrialContent.SecondaryId::value, TrialContent.SecondaryId::kind)
        .containsExactly(
            tuple("NCT05594173", SecondaryIdKind.REGISTRY),
            tuple("15-9431.10", SecondaryIdKind.SPONSOR_PROTOCOL),
            tuple("R01DC011020", SecondaryIdKind.GRANT));
    assertThat(c.summaryResults().postedOn()).isEqualTo(LocalDate.of(2022, 11, 21));
    assertThat(c.summaryResults().participantFlow().groups()).hasSize(1);
    assertThat(c.summaryResults().outcomeMeasures()).hasSize(2);
  }

  @Test
  void observationalStudyNotYetRecruiting() {
    ImportedStudy study = study("NCT06171568");
    TrialContent c = study.content();
    assertThat(study.status()).isEqualTo(TrialStatus.NOT_YET_RECRUITING);
    // startDateStruct 2024-02-01 ESTIMATED; studyFirstSubmitDate 2023-12-06
    assertThat(c.dates().studyStart()).isEqualTo(milestone("2024-02-01", DateType.ANTICIPATED));
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .containsExactly(tuple(TrialStatus.NOT_YET_RECRUITING, LocalDate.of(2023, 12, 6)));
    assertThat(c.arms()).isEmpty();
    assertThat(c.targetSampleSize()).isEqualTo(400);
    assertThat(c.countries()).containsExactly("FR");
    assertThat(c.primaryOutcomes()).hasSize(1);
    assertThat(c.secondaryOutcomes()).hasSize(7);
    // secondaryIdInfos: 2023-A00386-39, OTHER, domain IDRCB
    assertThat(c.secondaryIds())
        .contains(
            new TrialContent.SecondaryId(
                SecondaryRegistry.OTHER, "2023-A00386-39", "IDRCB", SecondaryIdKind.OTHER));
    // centralContacts: two with name, phone and e-mail; phoneExt "+33" is not an extension
    assertThat(c.publicContact())
        .isEqualTo(
            new TrialContent.Contact(
                "Camille Heslot, MD", null, "camille.heslot@aphp.fr", "01.49.95.81.69", null));
    assertThat(c.scientificContact().email()).isEqualTo("alexis.schnitzler@aphp.fr");
    assertThat(study.unmapped())
        .containsKey("/protocolSection/contactsLocationsModule/centralContacts/0/phoneExt");
  }
}
