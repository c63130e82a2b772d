package org.psybiome.trial.service.export;

import java.time.LocalDate;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.model.ArmType;
import org.psybiome.trial.model.ConditionCodeSystem;
import org.psybiome.trial.model.EnrolmentType;
import org.psybiome.trial.model.OfficialRole;
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
  // HL7 Terminology's CodeSystem MeSH has this url (OID 2.16.840.1.113883.6.177); the
  // http://id.nlm.nih.gov/mesh/ it also lists is an IRI stem for MeSH's RDF, not a Coding.system
  static final String MESH_SYSTEM = "https://www.nlm.nih.gov/mesh";
  static final String SNOMED_CT_SYSTEM = "http://snomed.info/sct";
  static final String PUBMED = "https://pubmed.ncbi.nlm.nih.gov/";
  static final String DOI = "https://doi.org/";
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
    // R4 has no scientific title; the description is where readers look for it, before the summary
    String description =
        Stream.of(record.scientificTitle(), record.briefSummary())
            .filter(Objects::nonNull)
            .collect(Collectors.joining("\n\n"));
    if (!description.isEmpty()) {
      study.setDescription(description);
    }
    study.setStatus(status(trial.status(), trial.lastKnownStatus()));
    if (trial.status() == TrialStatus.UNKNOWN) {
      study.addNote().setText(unknownStatusNote(trial));
    }

    TrialContent.Design design = record.design();
    if (design != null && design.phase() != null) {
      study.setPhase(phase(design.phase()));
    }
    if (design != null && design.primaryPurpose() != null) {
      study.setPrimaryPurposeType(purpose(design.primaryPurpose()));
    }

    for (TrialContent.Condition condition : record.conditions()) {
      CodeableConcept concept = study.addCondition().setText(condition.label());
      // a free-text condition ("gut microbiome") is its text alone
      if (condition.system() != null) {
        concept.addCoding(
            new Coding().setSystem(system(condition.system())).setCode(condition.code()));
      }
    }
    record.interventions().forEach(i -> study.addFocus().setText(i.name()));
    record.keywords().forEach(k -> study.addKeyword().setText(k));
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

    // a month-only date is a valid FHIR date ("2019-03"): it is exported as such
    String start = start(record);
    String end = end(record);
    if (start != null || end != null) {
      Period period = study.getPeriod();
      if (start != null) {
        period.setStartElement(new DateTimeType(start));
      }
      if (end != null) {
        period.setEndElement(new DateTimeType(end));
      }
    }

    if (record.primarySponsor() != null) {
      Organization sponsor = new Organization().setName(record.primarySponsor());
      sponsor.setId("sponsor");
      study.addContained(sponsor);
      study.setSponsor(new Reference("#sponsor"));
    }
    Integer target = target(record);
    if (target != null) {
      // a description of who is to be enrolled (actual=false), not a list of participants
      enrolment(study, "enrollment", false, target);
    }
    Integer enrolled = enrolled(trial);
    if (enrolled != null) {
      // the participants actually enrolled (actual=true), counted: members are not exported
      enrolment(study, "enrolled", true, enrolled);
    }
    if (record.publicContact() != null) {
      study.addContact(contact(record.publicContact()));
    }
    record.overallOfficials().stream()
        .filter(o -> o.role() == OfficialRole.PRINCIPAL_INVESTIGATOR)
        .findFirst()
        .ifPresent(
            pi -> {
              Practitioner practitioner = new Practitioner();
              practitioner.setId("principal-investigator");
              practitioner.addName().setText(pi.name());
              study.addContained(practitioner);
              study.setPrincipalInvestigator(
                  new Reference("#principal-investigator").setDisplay(pi.name()));
            });
    int n = 0;
    for (TrialContent.Site site : record.sites()) {
      Location location = new Location();
      location.setId("site-" + ++n);
      location.setName(site.facility());
      Address address = location.getAddress();
      address.setCity(site.city()).setState(site.state()).setPostalCode(site.zip());
      address.setCountry(site.country());
      study.addContained(location);
      study.addSite(new Reference("#" + location.getId()));
    }
    for (TrialContent.Reference reference : record.references()) {
      RelatedArtifact artifact =
          study.addRelatedArtifact().setType(RelatedArtifact.RelatedArtifactType.CITATION);
      if (reference.type() != null) {
        artifact.setLabel(reference.type().name().toLowerCase(Locale.ROOT));
      }
      artifact.setCitation(reference.citation());
      if (reference.pmid() != null) {
        artifact.setUrl(PUBMED + reference.pmid() + "/");
      } else if (reference.doi() != null) {
        artifact.setUrl(DOI + reference.doi());
      }
    }
    for (TrialContent.Link link : record.links()) {
      study
          .addRelatedArtifact()
          .setType(RelatedArtifact.RelatedArtifactType.DOCUMENTATION)
          .setDisplay(link.label())
          .setUrl(link.url());
    }
    return study;
  }

  private static void enrolment(ResearchStudy study, String id, boolean actual, int quantity) {
    Group group =
        new Group().setType(Group.GroupType.PERSON).setActual(actual).setQuantity(quantity);
    group.setId(id);
    study.addContained(group);
    study.addEnrollment(new Reference("#" + id));
  }

  /** The planned enrolment: the target sample size, else an estimated reported enrolment. */
  private static Integer target(TrialContent record) {
    if (record.targetSampleSize() != null) {
      return record.targetSampleSize();
    }
    TrialContent.ReportedEnrolment reported = record.enrolment();
    return reported != null && reported.type() == EnrolmentType.ESTIMATED ? reported.count() : null;
  }

  /** The actual enrolment: as reported, else the participants enrolled here, once there are any. */
  private static Integer enrolled(TrialView trial) {
    TrialContent.ReportedEnrolment reported = trial.content().enrolment();
    if (reported != null && reported.type() == EnrolmentType.ACTUAL) {
      return reported.count();
    }
    return trial.actualEnrolment() > 0 ? Math.toIntExact(trial.actualEnrolment()) : null;
  }

  private static String start(TrialContent record) {
    TrialContent.KeyDates dates = record.dates();
    if (dates != null && dates.studyStart() != null) {
      return dates.studyStart().date().toString();
    }
    return record.anticipatedFirstEnrolment() == null
        ? null
        : record.anticipatedFirstEnrolment().toString();
  }

  private static String end(TrialContent record) {
    TrialContent.KeyDates dates = record.dates();
    if (dates != null && dates.studyCompletion() != null) {
      return dates.studyCompletion().date().toString();
    }
    return record.completionDate() == null ? null : record.completionDate().toString();
  }

  private static String unknownStatusNote(TrialView trial) {
    TrialContent.KeyDates dates = trial.content().dates();
    String verified =
        dates == null || dates.statusVerified() == null
            ? ""
            : "; last verified " + dates.statusVerified();
    String last =
        trial.lastKnownStatus() == null
            ? ""
            : "; last known status " + trial.lastKnownStatus().name();
    return "Recruitment status unknown: not verified within two years" + verified + last;
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
   *
   * <p>UNKNOWN (a trial whose open status has not been verified for two years, as
   * ClinicalTrials.gov derives it) has no R4 code, and R4 requires one: the code of the status it
   * last had is the only status the record asserts, so that is exported, with a note that says it
   * is stale. Without a last known status: active — UNKNOWN is only ever derived from an open
   * status (not yet recruiting, recruiting, by invitation, active not recruiting), and "active" is
   * R4's code for a study that has not ended.
   */
  static ResearchStudyStatus status(TrialStatus status, TrialStatus lastKnown) {
    if (status == TrialStatus.UNKNOWN) {
      return lastKnown == null || lastKnown == TrialStatus.UNKNOWN
          ? ResearchStudyStatus.ACTIVE
          : status(lastKnown, null);
    }
    return switch (status) {
      case DRAFT -> ResearchStudyStatus.INREVIEW;
      case NOT_YET_RECRUITING -> ResearchStudyStatus.APPROVED;
      case RECRUITING, ENROLLING_BY_INVITATION -> ResearchStudyStatus.ACTIVE;
      case ACTIVE_NOT_RECRUITING -> ResearchStudyStatus.CLOSEDTOACCRUAL;
      case SUSPENDED -> ResearchStudyStatus.TEMPORARILYCLOSEDTOACCRUAL;
      case COMPLETED -> ResearchStudyStatus.COMPLETED;
      case TERMINATED -> ResearchStudyStatus.ADMINISTRATIVELYCOMPLETED;
      case WITHDRAWN -> ResearchStudyStatus.WITHDRAWN;
      case UNKNOWN -> throw new IllegalStateException("handled above");
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
      // ClinicalTrials.gov's educational/counselling/training has no R4 code
      case ECT -> new CodeableConcept().setText("Educational/Counseling/Training");
      case OTHER -> new CodeableConcept().setText("Other");
    };
  }

  static String system(ConditionCodeSystem system) {
    return switch (system) {
      case ICD10 -> ICD10_SYSTEM;
      case ICD11 -> ICD11_SYSTEM;
      case MESH -> MESH_SYSTEM;
      case SNOMED_CT -> SNOMED_CT_SYSTEM;
    };
  }

  static CodeableConcept armType(ArmType type) {
    String display =
        switch (type) {
          case EXPERIMENTAL -> "Experimental";
          case ACTIVE_COMPARATOR -> "Active comparator";
          case PLACEBO_COMPARATOR -> "Placebo comparator";
          case SHAM_COMPARATOR -> "Sham comparator";
          case NO_INTERVENTION -> "No intervention";
          case OTHER -> "Other";
          case COHORT -> "Cohort";
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
      String what =
          Stream.of(
                  outcome.title(),
                  outcome.description(),
                  outcome.measure() == null ? null : "(" + outcome.measure().code() + ")")
              .filter(Objects::nonNull)
              .collect(Collectors.joining(" "));
      String name =
          Stream.of(what.isEmpty() ? null : what, outcome.timeFrame())
              .filter(Objects::nonNull)
              .collect(Collectors.joining(", "));
      study.addObjective().setName(name).setType(coded(OBJECTIVE_TYPE_SYSTEM, type, display));
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
