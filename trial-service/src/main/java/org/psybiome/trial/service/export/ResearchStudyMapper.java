package org.psybiome.trial.service.export;

import java.time.LocalDate;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.model.ArmType;
import org.psybiome.trial.model.ConditionCodeSystem;
import org.psybiome.trial.model.PrimaryPurpose;
import org.psybiome.trial.model.SecondaryRegistry;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialPhase;
import org.psybiome.trial.model.TrialStatus;

/**
 * A trial record as a FHIR R4 (4.0.1) ResearchStudy. Only what the record holds is exported: an
 * item the record lacks is left out, never filled with a default.
 */
public final class ResearchStudyMapper {

  /**
   * The identifier system of Psybiome's trial ids (TRDS item 1). It names the registry, not a page:
   * it must never change, as receivers match identifiers on it.
   */
  public static final String TRIAL_ID_SYSTEM = "https://psybiome.org/fhir/NamingSystem/trial-id";

  /** Arm types are Psybiome's own vocabulary: R4 binds no value set to ResearchStudy.arm.type. */
  public static final String ARM_TYPE_SYSTEM = "https://psybiome.org/fhir/CodeSystem/arm-type";

  static final String ICD10_SYSTEM = "http://hl7.org/fhir/sid/icd-10";
  // the ICD-11 MMS linearization, as HL7 Terminology names it
  static final String ICD11_SYSTEM = "http://id.who.int/icd/release/11/mms";
  static final String ISO_3166_SYSTEM = "urn:iso:std:iso:3166";
  static final String PHASE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-phase";
  static final String PURPOSE_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type";
  static final String OBJECTIVE_TYPE_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/research-study-objective-type";

  /**
   * Identifier systems of the registries a trial is also registered in. ClinicalTrials.gov: HL7
   * Terminology has a NamingSystem for it, but its preferred uniqueId could not be confirmed; the
   * CT.gov-to-ResearchStudy converters in use write {@code http://clinicaltrials.gov}, so ours
   * match theirs. The other registries have no HL7 NamingSystem: their own home address serves as
   * the namespace, as implementers do for CT.gov. OTHER has no system; its issuer is the assigner.
   */
  static final Map<SecondaryRegistry, String> REGISTRY_SYSTEMS =
      new EnumMap<>(
          Map.of(
              SecondaryRegistry.NCT, "http://clinicaltrials.gov",
              SecondaryRegistry.ISRCTN, "https://www.isrctn.com",
              SecondaryRegistry.ACTRN, "https://www.anzctr.org.au",
              SecondaryRegistry.EUDRACT, "https://eudract.ema.europa.eu",
              SecondaryRegistry.CTIS, "https://euclinicaltrials.eu",
              SecondaryRegistry.IRCT, "https://irct.behdasht.gov.ir",
              SecondaryRegistry.CHICTR, "https://www.chictr.org.cn",
              SecondaryRegistry.DRKS, "https://drks.de"));

  private ResearchStudyMapper() {}

  public static ResearchStudy researchStudy(TrialView trial) {
    TrialContent record = trial.content();
    ResearchStudy study = new ResearchStudy();
    study.setId(trial.id());
    study.getMeta().setVersionId(Integer.toString(trial.version()));
    study.getMeta().setLastUpdated(Date.from(trial.updatedAt()));

    Identifier own =
        study
            .addIdentifier()
            .setUse(Identifier.IdentifierUse.OFFICIAL)
            .setSystem(TRIAL_ID_SYSTEM)
            .setValue(trial.id());
    own.getAssigner().setDisplay(trial.primaryRegistry());
    if (trial.registeredOn() != null) {
      own.getPeriod().setStartElement(date(trial.registeredOn()));
    }
    for (TrialContent.SecondaryId secondary : record.secondaryIds()) {
      Identifier id =
          study
              .addIdentifier()
              .setUse(Identifier.IdentifierUse.SECONDARY)
              .setSystem(REGISTRY_SYSTEMS.get(secondary.registry()))
              .setValue(secondary.value());
      if (secondary.issuer() != null) {
        id.getAssigner().setDisplay(secondary.issuer());
      }
    }

    study.setTitle(record.publicTitle());
    // R4 has no scientific title; the description is where readers look for it
    study.setDescription(record.scientificTitle());
    study.setStatus(status(trial.status()));

    TrialContent.Design design = record.design();
    if (design != null && design.phase() != null) {
      study.setPhase(phase(design.phase()));
    }
    if (design != null && design.primaryPurpose() != null) {
      study.setPrimaryPurposeType(purpose(design.primaryPurpose()));
    }

    for (TrialContent.Condition condition : record.conditions()) {
      var concept = study.addCondition().setText(condition.label());
      if (condition.code() != null) {
        concept.addCoding(
            new Coding().setSystem(system(condition.system())).setCode(condition.code()));
      }
    }
    record.interventions().forEach(i -> study.addFocus().setText(i.name()));
    for (String country : record.countries()) {
      study
          .addLocation()
          .setText(new Locale("", country).getDisplayCountry(Locale.ENGLISH))
          .addCoding(new Coding().setSystem(ISO_3166_SYSTEM).setCode(country));
    }

    for (TrialContent.Arm arm : record.arms()) {
      study
          .addArm()
          .setName(arm.label())
          .setType(armType(arm.type()))
          .setDescription(arm.description());
    }
    objectives(study, record.primaryOutcomes(), "primary", "Primary");
    objectives(study, record.secondaryOutcomes(), "secondary", "Secondary");

    if (record.anticipatedFirstEnrolment() != null || record.completionDate() != null) {
      Period period = study.getPeriod();
      if (record.anticipatedFirstEnrolment() != null) {
        period.setStartElement(date(record.anticipatedFirstEnrolment()));
      }
      if (record.completionDate() != null) {
        period.setEndElement(date(record.completionDate()));
      }
    }

    if (record.primarySponsor() != null) {
      Organization sponsor = new Organization().setName(record.primarySponsor());
      sponsor.setId("sponsor");
      study.addContained(sponsor);
      study.setSponsor(new Reference("#sponsor"));
    }
    if (record.targetSampleSize() != null) {
      // a description of who is to be enrolled (actual=false), not a list of participants
      Group enrolment =
          new Group()
              .setType(Group.GroupType.PERSON)
              .setActual(false)
              .setQuantity(record.targetSampleSize());
      enrolment.setId("enrollment");
      study.addContained(enrolment);
      study.addEnrollment(new Reference("#enrollment"));
    }
    if (record.publicContact() != null) {
      study.addContact(contact(record.publicContact()));
    }
    return study;
  }

  /**
   * Psybiome's 9 statuses onto R4's 11 (required binding). R4 describes the protocol's life as a
   * review board and a study office see it; ours is the registry's recruitment status, so:
   *
   * <ul>
   *   <li>DRAFT: in-review — written but not yet registered (visible to its consortium only);
   *   <li>NOT_YET_RECRUITING: approved — registered, not open to accrual yet;
   *   <li>RECRUITING and ENROLLING_BY_INVITATION: active — open to accrual (by invitation too);
   *   <li>ACTIVE_NOT_RECRUITING: closed-to-accrual — participants are still treated and examined;
   *   <li>SUSPENDED: temporarily-closed-to-accrual — may resume; the record does not say whether
   *       interventions were stopped too, so not the "-and-intervention" code;
   *   <li>COMPLETED: completed; TERMINATED: administratively-completed — ended prematurely, will
   *       not resume; WITHDRAWN: withdrawn — stopped before anyone was enrolled.
   * </ul>
   *
   * closed-to-accrual-and-intervention, temporarily-closed-to-accrual-and-intervention and
   * disapproved are not used: the record holds neither the end of interventions nor a refusal.
   */
  static ResearchStudyStatus status(TrialStatus status) {
    return switch (status) {
      case DRAFT -> ResearchStudyStatus.INREVIEW;
      case NOT_YET_RECRUITING -> ResearchStudyStatus.APPROVED;
      case RECRUITING, ENROLLING_BY_INVITATION -> ResearchStudyStatus.ACTIVE;
      case ACTIVE_NOT_RECRUITING -> ResearchStudyStatus.CLOSEDTOACCRUAL;
      case SUSPENDED -> ResearchStudyStatus.TEMPORARILYCLOSEDTOACCRUAL;
      case COMPLETED -> ResearchStudyStatus.COMPLETED;
      case TERMINATED -> ResearchStudyStatus.ADMINISTRATIVELYCOMPLETED;
      case WITHDRAWN -> ResearchStudyStatus.WITHDRAWN;
      // the source registry could not tell whether it still runs; the last claim was that it did
      case UNKNOWN -> ResearchStudyStatus.ACTIVE;
    };
  }

  static CodeableConcept phase(TrialPhase phase) {
    String[] codeAndDisplay =
        switch (phase) {
          case NA -> new String[] {"n-a", "N/A"};
          case EARLY_PHASE_1 -> new String[] {"early-phase-1", "Early Phase 1"};
          case PHASE_1 -> new String[] {"phase-1", "Phase 1"};
          case PHASE_1_2 -> new String[] {"phase-1-phase-2", "Phase 1/Phase 2"};
          case PHASE_2 -> new String[] {"phase-2", "Phase 2"};
          case PHASE_2_3 -> new String[] {"phase-2-phase-3", "Phase 2/Phase 3"};
          case PHASE_3 -> new String[] {"phase-3", "Phase 3"};
          case PHASE_4 -> new String[] {"phase-4", "Phase 4"};
        };
    return coded(PHASE_SYSTEM, codeAndDisplay[0], codeAndDisplay[1]);
  }

  /** OTHER has no code in R4's (extensible) value set: it is exported as text alone. */
  static CodeableConcept purpose(PrimaryPurpose purpose) {
    return switch (purpose) {
      case TREATMENT -> coded(PURPOSE_SYSTEM, "treatment", "Treatment");
      case PREVENTION -> coded(PURPOSE_SYSTEM, "prevention", "Prevention");
      case SUPPORTIVE_CARE -> coded(PURPOSE_SYSTEM, "supportive-care", "Supportive Care");
      case BASIC_SCIENCE -> coded(PURPOSE_SYSTEM, "basic-science", "Basic Science");
      case DIAGNOSTIC -> coded(PURPOSE_SYSTEM, "diagnostic", "Diagnostic");
      case HEALTH_SERVICES_RESEARCH ->
          coded(PURPOSE_SYSTEM, "health-services-research", "Health Services Research");
      case SCREENING -> coded(PURPOSE_SYSTEM, "screening", "Screening");
      case DEVICE_FEASIBILITY -> coded(PURPOSE_SYSTEM, "device-feasibility", "Device Feasibility");
      case ECT -> new CodeableConcept().setText("Educational/Counseling/Training");
      case OTHER -> new CodeableConcept().setText("Other");
    };
  }

  static String system(ConditionCodeSystem system) {
    return switch (system) {
      case ICD10 -> ICD10_SYSTEM;
      case ICD11 -> ICD11_SYSTEM;
      case MESH -> "http://id.nlm.nih.gov/mesh";
      case SNOMED_CT -> "http://snomed.info/sct";
    };
  }

  static CodeableConcept armType(ArmType type) {
    if (type == ArmType.OTHER || type == ArmType.COHORT) {
      return new CodeableConcept().setText(type == ArmType.OTHER ? "Other" : "Cohort");
    }
    String display =
        switch (type) {
          case EXPERIMENTAL -> "Experimental";
          case ACTIVE_COMPARATOR -> "Active comparator";
          case PLACEBO_COMPARATOR -> "Placebo comparator";
          case SHAM_COMPARATOR -> "Sham comparator";
          case NO_INTERVENTION -> "No intervention";
          default -> throw new IllegalStateException(type.name());
        };
    return coded(ARM_TYPE_SYSTEM, type.name().toLowerCase(Locale.ROOT).replace('_', '-'), display);
  }

  /** R4 has no outcome measures: an outcome is an objective named by what and when it measures. */
  private static void objectives(
      ResearchStudy study, List<TrialContent.Outcome> outcomes, String type, String display) {
    if (outcomes == null) {
      return;
    }
    for (TrialContent.Outcome outcome : outcomes) {
      String measure = outcome.measure() != null ? outcome.measure().code() : outcome.title();
      String what =
          outcome.description() == null ? measure : outcome.description() + " (" + measure + ")";
      study
          .addObjective()
          .setName(outcome.timeFrame() == null ? what : what + ", " + outcome.timeFrame())
          .setType(coded(OBJECTIVE_TYPE_SYSTEM, type, display));
    }
  }

  private static ContactDetail contact(TrialContent.Contact contact) {
    ContactDetail detail = new ContactDetail().setName(contact.name());
    detail.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(contact.email());
    if (contact.phone() != null) {
      detail
          .addTelecom()
          .setSystem(ContactPoint.ContactPointSystem.PHONE)
          .setValue(contact.phone());
    }
    return detail;
  }

  private static CodeableConcept coded(String system, String code, String display) {
    return new CodeableConcept(new Coding(system, code, display)).setText(display);
  }

  private static DateTimeType date(LocalDate date) {
    return new DateTimeType(date.toString());
  }
}
