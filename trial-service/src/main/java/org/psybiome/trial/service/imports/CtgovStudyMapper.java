package org.psybiome.trial.service.imports;

import static org.psybiome.trial.service.imports.CtgovStudyCheck.DESIGN;
import static org.psybiome.trial.service.imports.CtgovStudyCheck.ID;
import static org.psybiome.trial.service.imports.CtgovStudyCheck.STATUS;
import static org.psybiome.trial.service.imports.DocumentReader.child;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.AllocationMethod;
import org.psybiome.trial.model.ArmType;
import org.psybiome.trial.model.DateType;
import org.psybiome.trial.model.EligibleSex;
import org.psybiome.trial.model.EnrolmentType;
import org.psybiome.trial.model.Intervention;
import org.psybiome.trial.model.InterventionModel;
import org.psybiome.trial.model.IpdInfoType;
import org.psybiome.trial.model.IpdSharingPlan;
import org.psybiome.trial.model.MaskedRole;
import org.psybiome.trial.model.MaskingLevel;
import org.psybiome.trial.model.ObservationalModel;
import org.psybiome.trial.model.OfficialRole;
import org.psybiome.trial.model.PartialDate;
import org.psybiome.trial.model.PrimaryPurpose;
import org.psybiome.trial.model.ReferenceType;
import org.psybiome.trial.model.RegulatoryType;
import org.psybiome.trial.model.ResponsiblePartyType;
import org.psybiome.trial.model.SamplingMethod;
import org.psybiome.trial.model.SecondaryIdKind;
import org.psybiome.trial.model.SecondaryRegistry;
import org.psybiome.trial.model.SiteStatus;
import org.psybiome.trial.model.SponsorClass;
import org.psybiome.trial.model.StudyType;
import org.psybiome.trial.model.TimePerspective;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialContent.Arm;
import org.psybiome.trial.model.TrialContent.Condition;
import org.psybiome.trial.model.TrialContent.Contact;
import org.psybiome.trial.model.TrialContent.Design;
import org.psybiome.trial.model.TrialContent.Eligibility;
import org.psybiome.trial.model.TrialContent.IpdSharing;
import org.psybiome.trial.model.TrialContent.KeyDates;
import org.psybiome.trial.model.TrialContent.Link;
import org.psybiome.trial.model.TrialContent.Masking;
import org.psybiome.trial.model.TrialContent.Milestone;
import org.psybiome.trial.model.TrialContent.Official;
import org.psybiome.trial.model.TrialContent.Organisation;
import org.psybiome.trial.model.TrialContent.OriginalRegistration;
import org.psybiome.trial.model.TrialContent.Outcome;
import org.psybiome.trial.model.TrialContent.Oversight;
import org.psybiome.trial.model.TrialContent.Reference;
import org.psybiome.trial.model.TrialContent.ReportedEnrolment;
import org.psybiome.trial.model.TrialContent.ResponsibleParty;
import org.psybiome.trial.model.TrialContent.SecondaryId;
import org.psybiome.trial.model.TrialContent.Site;
import org.psybiome.trial.model.TrialContent.SummaryResults;
import org.psybiome.trial.model.TrialPhase;
import org.psybiome.trial.model.TrialStatus;
import org.psybiome.trial.model.results.AdverseEvents;
import org.psybiome.trial.model.results.BaselineCharacteristics;
import org.psybiome.trial.model.results.OutcomeMeasureResult;
import org.psybiome.trial.model.results.ParticipantFlow;
import org.psybiome.trial.service.registries.CtgovCountries;
import org.psybiome.trial.service.registries.SecondaryIdFormats;

/**
 * Reads one study record as the ClinicalTrials.gov API v2 returns it ({@code GET
 * /api/v2/studies/{nctId}}) into a trial record. Everything the record has a place for is read;
 * everything else (the derived section, document section, dates of quality control, location
 * contacts, ...) is handed back verbatim under its JSON pointer in {@link ImportedStudy#unmapped}.
 * A value that does not fit the record (an unknown code, a text over the record's limit, a country
 * without an ISO code) is also handed back, never cut or guessed, with a WARNING note.
 *
 * <p>Decisions where ClinicalTrials.gov and the record differ:
 *
 * <ul>
 *   <li>An expanded access record (study type EXPANDED_ACCESS, or an expanded access status) is not
 *       a trial: it is refused with the other documents that are not a study ({@link
 *       CtgovStudyCheck}), rather than imported with a warning into a record made for trials.
 *   <li>Secondary ids: the NCT number (REGISTRY), the organisation's study id (OTHER, issued by the
 *       organisation, SPONSOR_PROTOCOL), and each secondary id by its type: EUDRACT_NUMBER and CTIS
 *       to their registries; REGISTRY to the registry whose format the id has, else OTHER issued by
 *       its domain; NIH, FDA, VA, CDC, AHRQ and SAMHSA are grants (OTHER, issued by that agency);
 *       OTHER_GRANT a grant and OTHER other ids, both issued by their domain. An id that fails its
 *       registry's format is kept as OTHER with a WARNING; a repeated id is left unmapped.
 *   <li>Undated types: records from before ClinicalTrials.gov required a date type give start and
 *       completion dates without one. A start date is then ACTUAL when the overall status (for
 *       UNKNOWN the last known one) says the study has started (RECRUITING,
 *       ENROLLING_BY_INVITATION, ACTIVE_NOT_RECRUITING, COMPLETED, TERMINATED), a completion date
 *       when it says the study has ended (COMPLETED, TERMINATED); a date after the record's last
 *       update is never ACTUAL. Else ANTICIPATED. That inference is used for the status history
 *       only: the record keeps the date without a type, as the source gave it, and a WARNING note
 *       gives the inference and its reason each time. ESTIMATED is ANTICIPATED.
 *   <li>Status history: see {@link CtgovStatusHistory}.
 *   <li>Enrolment: the count and its type as given; the target sample size (TRDS 17) is the count
 *       while it is ESTIMATED. An ACTUAL count replaced the target on ClinicalTrials.gov, so the
 *       target is left empty (a note says so) and the reported enrolment stands for it.
 *   <li>Interventions: OTHER with ClinicalTrials.gov's type as the regulatory type, a code made of
 *       the name ({@link InterventionCodes}), and a WARNING that the psychobiotic typing (strains,
 *       CFU) is not in ClinicalTrials.gov; except a placebo, whose name says placebo alone (not
 *       "drug X and placebo") and whose type is DRUG, DIETARY_SUPPLEMENT or OTHER.
 *   <li>Arms: a group of an observational study has no type on ClinicalTrials.gov: COHORT. An arm
 *       refers to its interventions by "Type: name"; the interventions' own armGroupLabels repeat
 *       those links and are consumed where they agree.
 *   <li>Contacts: the first central contact is the public contact, the second the scientific one,
 *       each only with a name and an e-mail address; overall officials have no e-mail address on
 *       ClinicalTrials.gov, so they are officials only. Missing contacts are WARNINGs.
 *   <li>Sources of support (TRDS 4) are not on ClinicalTrials.gov: the lead sponsor, DEFAULTED.
 *       Ethics reviews (TRDS 21) are not either: left empty with a WARNING.
 *   <li>Conditions are free text; MeSH terms are ClinicalTrials.gov's own derivation and stay in
 *       the derived section, unmapped.
 * </ul>
 */
public final class CtgovStudyMapper {

  static final String SPONSOR = "/protocolSection/sponsorCollaboratorsModule";
  static final String OVERSIGHT = "/protocolSection/oversightModule";
  static final String DESCRIPTION = "/protocolSection/descriptionModule";
  static final String CONDITIONS = "/protocolSection/conditionsModule";
  static final String ARMS = "/protocolSection/armsInterventionsModule";
  static final String OUTCOMES = "/protocolSection/outcomesModule";
  static final String ELIGIBILITY = "/protocolSection/eligibilityModule";
  static final String CONTACTS = "/protocolSection/contactsLocationsModule";
  static final String REFERENCES = "/protocolSection/referencesModule";
  static final String IPD = "/protocolSection/ipdSharingStatementModule";
  static final String RESULTS = "/resultsSection";

  private static final Pattern AGE =
      Pattern.compile("(\\d{1,3}) (Years|Months|Weeks|Days|Hours|Minutes)");
  private static final Pattern PLACEBO = Pattern.compile("(?i)\\bplacebos?\\b");
  // a name that also names something else is not a placebo alone
  private static final Pattern COMBINATION =
      Pattern.compile("(?i)[+&/,;]|\\b(and|with|plus|or|versus|vs)\\b");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<TrialStatus> STARTED =
      Set.of(
          TrialStatus.RECRUITING,
          TrialStatus.ENROLLING_BY_INVITATION,
          TrialStatus.ACTIVE_NOT_RECRUITING,
          TrialStatus.COMPLETED,
          TrialStatus.TERMINATED);
  private static final Set<TrialStatus> ENDED =
      Set.of(TrialStatus.COMPLETED, TrialStatus.TERMINATED);
  private static final Map<String, TrialPhase> PHASES =
      Map.of(
          "NA", TrialPhase.NA,
          "EARLY_PHASE1", TrialPhase.EARLY_PHASE_1,
          "PHASE1", TrialPhase.PHASE_1,
          "PHASE1,PHASE2", TrialPhase.PHASE_1_2,
          "PHASE2", TrialPhase.PHASE_2,
          "PHASE2,PHASE3", TrialPhase.PHASE_2_3,
          "PHASE3", TrialPhase.PHASE_3,
          "PHASE4", TrialPhase.PHASE_4);
  // how armGroups[].interventionNames spell ClinicalTrials.gov's intervention types
  private static final Map<String, String> TYPE_LABELS =
      Map.ofEntries(
          Map.entry("Drug", "DRUG"),
          Map.entry("Device", "DEVICE"),
          Map.entry("Biological", "BIOLOGICAL"),
          Map.entry("Procedure", "PROCEDURE"),
          Map.entry("Radiation", "RADIATION"),
          Map.entry("Behavioral", "BEHAVIORAL"),
          Map.entry("Genetic", "GENETIC"),
          Map.entry("Dietary Supplement", "DIETARY_SUPPLEMENT"),
          Map.entry("Combination Product", "COMBINATION_PRODUCT"),
          Map.entry("Diagnostic Test", "DIAGNOSTIC_TEST"),
          Map.entry("Other", "OTHER"));
  private static final Set<String> GRANT_AGENCIES =
      Set.of("NIH", "FDA", "VA", "CDC", "AHRQ", "SAMHSA");

  private final ObjectMapper json;
  private final Validator validator;

  /**
   * @param json Jackson as the service has it; unknown properties are tolerated here
   * @param validator to find the texts of results modules that are over the record's limits
   */
  public CtgovStudyMapper(ObjectMapper json, Validator validator) {
    this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.validator = validator;
  }

  /**
   * The record a ClinicalTrials.gov study document holds.
   *
   * @throws NotACtgovStudyException when the document is not a study record of a trial
   */
  public ImportedStudy map(JsonNode document) {
    return read(document).study();
  }

  /** The import and the JSON pointers it read, to check that nothing was lost. */
  record Reading(ImportedStudy study, Set<String> consumed) {}

  Reading read(JsonNode document) {
    List<Violation> violations = CtgovStudyCheck.violations(document);
    if (!violations.isEmpty()) {
      throw new NotACtgovStudyException(violations);
    }
    DocumentReader reader = new DocumentReader(document);
    ImportedStudy study = new Mapping(reader).study();
    return new Reading(study, reader.consumed());
  }

  /** The reading of one document. */
  private final class Mapping {

    private final DocumentReader r;
    private final InterventionCodes codes = new InterventionCodes();
    // record fields whose date ClinicalTrials.gov gives without a type
    private final java.util.Set<String> untyped = new java.util.HashSet<>();

    Mapping(DocumentReader reader) {
      this.r = reader;
    }

    ImportedStudy study() {
      String nctId = r.text(ID + "/nctId");
      TrialStatus status = TrialStatus.valueOf(r.text(STATUS + "/overallStatus"));
      TrialStatus lastKnown = null;
      if (status == TrialStatus.UNKNOWN) {
        String last = r.text(STATUS + "/lastKnownStatus");
        lastKnown = last == null ? null : TrialStatus.valueOf(last);
        if (lastKnown == null) {
          r.warn(
              "status",
              "ClinicalTrials.gov gives the status as UNKNOWN without the last known status:"
                  + " no status history is derived");
        }
      }
      TrialStatus current = status == TrialStatus.UNKNOWN ? lastKnown : status;
      String lastUpdateText = r.at(STATUS + "/lastUpdatePostDateStruct/date").asText(null);
      LocalDate lastUpdatePosted =
          day(STATUS + "/lastUpdatePostDateStruct/date", "originalRegistration.lastUpdatePosted");
      LocalDate firstSubmitted =
          day(STATUS + "/studyFirstSubmitDate", "originalRegistration.firstSubmitted");
      LocalDate resultsPosted =
          day(
              STATUS + "/resultsFirstPostDateStruct/date",
              "originalRegistration.resultsFirstPosted");
      KeyDates inferred = dates(current, lastUpdatePosted);
      String whyStopped = status.isStop() ? r.text(STATUS + "/whyStopped") : null;
      var history =
          CtgovStatusHistory.derive(
              current, inferred, whyStopped, firstSubmitted, lastUpdatePosted);
      // the history takes an untyped date as the status implies; the record keeps it untyped
      KeyDates dates = asGiven(inferred);

      String leadSponsor = r.text(SPONSOR + "/leadSponsor/name", 300, "primarySponsor");
      List<String> sourcesOfSupport = List.of();
      if (leadSponsor != null) {
        sourcesOfSupport = List.of(leadSponsor);
        r.defaulted(
            "sourcesOfSupport",
            "ClinicalTrials.gov does not record sources of monetary or material support (TRDS"
                + " item 4): the lead sponsor is given; check it");
      }
      r.warn(
          "ethicsReviews",
          "ClinicalTrials.gov does not record ethics reviews (TRDS item 21): add each committee's"
              + " review before registering");
      String briefTitle = r.text(ID + "/briefTitle", 300, "publicTitle");
      String officialTitle = r.text(ID + "/officialTitle", 600, "scientificTitle");
      if (officialTitle == null && !r.has(ID + "/officialTitle") && briefTitle != null) {
        officialTitle = briefTitle;
        r.defaulted(
            "scientificTitle",
            "ClinicalTrials.gov gives no official title: the brief title is used");
      }
      StudyType studyType = r.constant(DESIGN + "/studyType", StudyType.class, "design.studyType");
      boolean observational = studyType == StudyType.OBSERVATIONAL;
      ReportedEnrolment enrolment = enrolment(current);
      Integer targetSampleSize = null;
      if (enrolment != null && enrolment.type() == EnrolmentType.ESTIMATED) {
        targetSampleSize = enrolment.count() >= 1 ? enrolment.count() : null;
      } else if (enrolment != null) {
        r.warn(
            "targetSampleSize",
            "ClinicalTrials.gov replaces the anticipated enrolment with the actual one ("
                + enrolment.count()
                + "): the target sample size is not in the record; enter it from the protocol");
      }
      List<Intervention> interventions = new ArrayList<>();
      Map<String, String> interventionCodes = interventions(interventions);
      List<Arm> arms = arms(observational, interventionCodes);
      armGroupLabels(arms, interventionCodes);
      List<Site> sites = sites();
      List<String> countries =
          new ArrayList<>(new LinkedHashSet<>(sites.stream().map(Site::country).toList()));
      Contact publicContact = contact(0, "publicContact");
      Contact scientificContact = contact(1, "scientificContact");
      if (publicContact == null) {
        r.warn(
            "publicContact",
            "ClinicalTrials.gov gives no central contact with a name and an e-mail address");
      }
      if (scientificContact == null) {
        r.warn(
            "scientificContact",
            "ClinicalTrials.gov gives no second central contact with a name and an e-mail"
                + " address, and its overall officials have none");
      }

      TrialContent content =
          new TrialContent(
              secondaryIds(nctId),
              sourcesOfSupport,
              leadSponsor,
              List.of(),
              publicContact,
              scientificContact,
              briefTitle,
              officialTitle,
              r.text(ID + "/acronym", 40, "acronym"),
              countries,
              conditions(),
              interventions,
              eligibility(),
              design(studyType),
              dates == null || dates.studyStart() == null
                  ? null
                  : dates.studyStart().date().exactDate(),
              targetSampleSize,
              outcomes("primaryOutcomes"),
              outcomes("secondaryOutcomes"),
              null,
              dates == null || dates.studyCompletion() == null
                  ? null
                  : dates.studyCompletion().date().exactDate(),
              summaryResults(nctId, resultsPosted),
              ipdSharing(),
              arms,
              null,
              dates,
              enrolment,
              r.text(DESCRIPTION + "/briefSummary", 5000, "briefSummary"),
              r.text(DESCRIPTION + "/detailedDescription", 32000, "detailedDescription"),
              texts(CONDITIONS + "/keywords", 160, 100, "keywords"),
              r.constant(SPONSOR + "/leadSponsor/class", SponsorClass.class, "primarySponsorClass"),
              collaborators(),
              responsibleParty(),
              officials(),
              sites,
              oversight(),
              outcomes("otherOutcomes"),
              List.of(),
              references(),
              links(),
              new OriginalRegistration(
                  SecondaryRegistry.NCT,
                  nctId,
                  firstSubmitted,
                  day(
                      STATUS + "/studyFirstPostDateStruct/date",
                      "originalRegistration.firstPosted"),
                  lastUpdatePosted,
                  resultsPosted),
              null, // CT.gov has no analysis plan of ours: the registrant adds one
              null); // nor a sharing consent: a consortium's to give, never an import's
      return new ImportedStudy(
          nctId, lastUpdateText, content, status, lastKnown, history, r.unconsumed(), r.notes());
    }

    // ---- identification

    private List<SecondaryId> secondaryIds(String nctId) {
      List<SecondaryId> ids = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      add(ids, seen, new SecondaryId(SecondaryRegistry.NCT, nctId, null, SecondaryIdKind.REGISTRY));
      String orgId = r.at(ID + "/orgStudyIdInfo/id").asText(null);
      if (orgId != null && fitsId(orgId, ID + "/orgStudyIdInfo/id", ids.size())) {
        String issuer = r.text(ID + "/organization/fullName", 200, "secondaryIds[1].issuer");
        if (add(
            ids,
            seen,
            new SecondaryId(
                SecondaryRegistry.OTHER, orgId, issuer, SecondaryIdKind.SPONSOR_PROTOCOL))) {
          r.text(ID + "/orgStudyIdInfo/id");
        }
      }
      String infos = ID + "/secondaryIdInfos";
      for (int i = 0; i < r.size(infos); i++) {
        String info = child(infos, i);
        String value = r.at(info + "/id").asText(null);
        if (value == null || !fitsId(value, info + "/id", ids.size())) {
          continue;
        }
        String field = "secondaryIds[" + ids.size() + "]";
        String type = r.at(info + "/type").asText("");
        String domain = r.at(info + "/domain").asText(null);
        SecondaryRegistry registry = SecondaryRegistry.OTHER;
        SecondaryIdKind kind;
        String issuer = domain;
        boolean typeKnown = true;
        switch (type) {
          case "EUDRACT_NUMBER" -> {
            registry = SecondaryRegistry.EUDRACT;
            kind = SecondaryIdKind.REGISTRY;
            issuer = null;
          }
          case "CTIS" -> {
            registry = SecondaryRegistry.CTIS;
            kind = SecondaryIdKind.REGISTRY;
            issuer = null;
          }
          case "REGISTRY" -> {
            registry = SecondaryIdFormats.recognise(value).orElse(SecondaryRegistry.OTHER);
            kind = SecondaryIdKind.REGISTRY;
            issuer = registry == SecondaryRegistry.OTHER ? domain : null;
          }
          case "OTHER_GRANT" -> kind = SecondaryIdKind.GRANT;
          case "OTHER" -> kind = SecondaryIdKind.OTHER;
          default -> {
            if (GRANT_AGENCIES.contains(type)) {
              kind = SecondaryIdKind.GRANT;
              issuer = type;
            } else {
              kind = SecondaryIdKind.OTHER;
              typeKnown = false;
              r.warn(
                  field + ".kind",
                  "ClinicalTrials.gov's secondary id type '"
                      + type
                      + "' ("
                      + info
                      + "/type) is unknown: kept as OTHER, the type left unmapped");
            }
          }
        }
        var problem = SecondaryIdFormats.problem(registry, value.trim());
        if (problem.isPresent()) {
          r.warn(
              field + ".registry",
              "ClinicalTrials.gov lists '"
                  + value
                  + "' as "
                  + type
                  + ", but it "
                  + problem.get()
                  + ": kept as an OTHER id");
          issuer = domain != null ? domain : registry.name();
          registry = SecondaryRegistry.OTHER;
        }
        if (issuer != null && issuer.length() > 200) {
          r.warn(field + ".issuer", "the issuer is longer than 200 characters: left unmapped");
          issuer = null;
        }
        if (add(ids, seen, new SecondaryId(registry, value, issuer, kind))) {
          r.text(info + "/id");
          if (typeKnown) {
            r.text(info + "/type");
          }
          if (issuer != null && issuer.equals(domain)) {
            r.text(info + "/domain");
          }
        }
      }
      return ids;
    }

    private boolean fitsId(String value, String pointer, int index) {
      if (value.isBlank() || value.length() > 64) {
        r.warn(
            "secondaryIds[" + index + "].value",
            "ClinicalTrials.gov's id at " + pointer + " is blank or over 64 characters: unmapped");
        return false;
      }
      return true;
    }

    /** Adds the id unless the record has it already (ContentRules refuses repeats). */
    private boolean add(List<SecondaryId> ids, Set<String> seen, SecondaryId id) {
      String key =
          SecondaryIdFormats.namespace(id.registry(), id.issuer())
              + " "
              + SecondaryIdFormats.normalise(id.value());
      if (!seen.add(key)) {
        r.warn(
            "secondaryIds",
            "ClinicalTrials.gov lists " + id.value() + " twice for the same issuer: once kept");
        return false;
      }
      ids.add(id);
      return true;
    }

    // ---- status and dates

    private KeyDates dates(TrialStatus current, LocalDate lastUpdatePosted) {
      Milestone start =
          milestone(
              STATUS + "/startDateStruct", "dates.studyStart", current, STARTED, lastUpdatePosted);
      Milestone primary =
          milestone(
              STATUS + "/primaryCompletionDateStruct",
              "dates.primaryCompletion",
              current,
              ENDED,
              lastUpdatePosted);
      Milestone completion =
          milestone(
              STATUS + "/completionDateStruct",
              "dates.studyCompletion",
              current,
              ENDED,
              lastUpdatePosted);
      PartialDate verified = partialDate(STATUS + "/statusVerifiedDate", "dates.statusVerified");
      if (start == null && primary == null && completion == null && verified == null) {
        return null;
      }
      return new KeyDates(start, primary, completion, verified);
    }

    /** The dates with the types the source gave: an inferred type is not the source's. */
    private KeyDates asGiven(KeyDates inferred) {
      if (inferred == null) {
        return null;
      }
      return new KeyDates(
          asGiven("dates.studyStart", inferred.studyStart()),
          asGiven("dates.primaryCompletion", inferred.primaryCompletion()),
          asGiven("dates.studyCompletion", inferred.studyCompletion()),
          inferred.statusVerified());
    }

    private Milestone asGiven(String field, Milestone milestone) {
      return milestone != null && untyped.contains(field)
          ? new Milestone(milestone.date(), null)
          : milestone;
    }

    private Milestone milestone(
        String struct,
        String field,
        TrialStatus current,
        Set<TrialStatus> pastIt,
        LocalDate lastUpdatePosted) {
      PartialDate date = partialDate(struct + "/date", field + ".date");
      if (date == null) {
        return null;
      }
      String type = r.at(struct + "/type").asText(null);
      if ("ACTUAL".equals(type) || "ESTIMATED".equals(type)) {
        r.text(struct + "/type");
        return new Milestone(date, "ACTUAL".equals(type) ? DateType.ACTUAL : DateType.ANTICIPATED);
      }
      boolean past =
          current != null
              && pastIt.contains(current)
              && (lastUpdatePosted == null || !date.earliest().isAfter(lastUpdatePosted));
      DateType defaulted = past ? DateType.ACTUAL : DateType.ANTICIPATED;
      String because =
          current == null
              ? "the status is not known"
              : past
                  ? "the status " + current + " says the study is past it"
                  : "the status "
                      + current
                      + " does not say the study is past it"
                      + (pastIt.contains(current) ? " before the record's last update" : "");
      String note =
          (type == null
                  ? "ClinicalTrials.gov gives no type for "
                      + date
                      + " (a record from before types were required): kept without one; the"
                      + " status history takes it as "
                  : "ClinicalTrials.gov's type '" + type + "' is unknown (left unmapped): ")
              + defaulted
              + ", as "
              + because;
      r.warn(field + ".type", note);
      if (type == null) {
        untyped.add(field);
      }
      return new Milestone(date, defaulted);
    }

    private PartialDate partialDate(String pointer, String field) {
      JsonNode node = r.at(pointer);
      if (!node.isTextual()) {
        return null;
      }
      try {
        PartialDate date = PartialDate.parse(node.textValue());
        r.consume(pointer);
        return date;
      } catch (IllegalArgumentException e) {
        r.warn(field, "ClinicalTrials.gov's " + e.getMessage() + " (" + pointer + "): unmapped");
        return null;
      }
    }

    private LocalDate day(String pointer, String field) {
      JsonNode node = r.at(pointer);
      if (!node.isTextual()) {
        return null;
      }
      try {
        LocalDate date = LocalDate.parse(node.textValue());
        r.consume(pointer);
        return date;
      } catch (DateTimeParseException e) {
        r.warn(
            field,
            "ClinicalTrials.gov's '"
                + node.textValue()
                + "' ("
                + pointer
                + ") is not a day (YYYY-MM-DD): unmapped");
        return null;
      }
    }

    // ---- design

    private ReportedEnrolment enrolment(TrialStatus current) {
      String info = DESIGN + "/enrollmentInfo";
      JsonNode count = r.at(info + "/count");
      if (!count.canConvertToInt() || !count.isIntegralNumber() || count.intValue() < 0) {
        if (!count.isMissingNode()) {
          r.warn("enrolment.count", "ClinicalTrials.gov's count is not a whole number: unmapped");
        }
        return null;
      }
      EnrolmentType type = r.constant(info + "/type", EnrolmentType.class, "enrolment.type");
      if (type == null) {
        r.warn(
            "enrolment.type",
            "ClinicalTrials.gov gives no type for the enrolment count: kept without one (the"
                + " status is "
                + current
                + ")");
      }
      return new ReportedEnrolment(r.integer(info + "/count"), type);
    }

    private Design design(StudyType studyType) {
      String info = DESIGN + "/designInfo";
      TrialPhase phase = phase();
      Masking masking = masking(info + "/maskingInfo");
      return new Design(
          studyType,
          r.constant(info + "/allocation", AllocationMethod.class, "design.allocation"),
          r.constant(
              info + "/interventionModel", InterventionModel.class, "design.interventionModel"),
          masking,
          phase,
          r.constant(info + "/primaryPurpose", PrimaryPurpose.class, "design.primaryPurpose"),
          r.text(
              info + "/interventionModelDescription", 1000, "design.interventionModelDescription"),
          r.constant(
              info + "/observationalModel", ObservationalModel.class, "design.observationalModel"),
          r.constant(info + "/timePerspective", TimePerspective.class, "design.timePerspective"),
          r.bool(DESIGN + "/patientRegistry"),
          null, // ClinicalTrials.gov does not say how the sequence is generated
          null, // nor which arm is the comparator of analyses
          null); // nor the periods and sequences of a crossover trial
    }

    private TrialPhase phase() {
      String pointer = DESIGN + "/phases";
      JsonNode phases = r.at(pointer);
      if (!phases.isArray() || phases.isEmpty()) {
        return null;
      }
      Set<String> names = new TreeSet<>();
      phases.forEach(p -> names.add(p.asText()));
      TrialPhase phase = PHASES.get(String.join(",", names));
      if (phase == null) {
        r.warn(
            "design.phase",
            "ClinicalTrials.gov's phases "
                + names
                + " are not one phase"
                + " of the record: unmapped");
        return null;
      }
      r.consume(pointer);
      return phase;
    }

    /** Masking whose roles do not match its level (ContentRules) is left unmapped. */
    private Masking masking(String pointer) {
      if (!r.has(pointer + "/masking")) {
        return null;
      }
      MaskingLevel level;
      try {
        level = MaskingLevel.valueOf(r.at(pointer + "/masking").asText());
      } catch (IllegalArgumentException e) {
        r.warn("design.masking", "ClinicalTrials.gov's masking is unknown: unmapped");
        return null;
      }
      List<MaskedRole> roles = new ArrayList<>();
      for (JsonNode role : r.at(pointer + "/whoMasked")) {
        try {
          roles.add(MaskedRole.valueOf(role.asText()));
        } catch (IllegalArgumentException e) {
          r.warn("design.masking.maskedRoles", "'" + role.asText() + "' is unknown: unmapped");
          return null;
        }
      }
      if (roles.size() != level.maskedRoles() || new HashSet<>(roles).size() != roles.size()) {
        r.warn(
            "design.masking",
            "ClinicalTrials.gov's masking "
                + level
                + " names "
                + roles.size()
                + " masked role(s), the record needs "
                + level.maskedRoles()
                + ": masking left unmapped, to be completed by hand");
        return null;
      }
      r.text(pointer + "/masking");
      if (r.has(pointer + "/whoMasked")) {
        r.consume(pointer + "/whoMasked");
      }
      return new Masking(
          level,
          roles,
          r.text(pointer + "/maskingDescription", 1000, "design.masking.description"));
    }

    // ---- conditions, arms, interventions, outcomes

    private List<Condition> conditions() {
      List<Condition> conditions = new ArrayList<>();
      for (String label : texts(CONDITIONS + "/conditions", 300, Integer.MAX_VALUE, "conditions")) {
        conditions.add(new Condition(null, null, label, null));
      }
      return conditions;
    }

    /** The texts of an array, each within {@code max}, at most {@code count} of them. */
    private List<String> texts(String pointer, int max, int count, String field) {
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < r.size(pointer); i++) {
        if (texts.size() == count) {
          r.warn(field, "the record holds " + count + ": the rest are left unmapped");
          break;
        }
        String text = r.text(child(pointer, i), max, field + "[" + texts.size() + "]");
        if (text != null) {
          texts.add(text);
        }
      }
      if (r.size(pointer) == 0 && r.at(pointer).isArray()) {
        r.consume(pointer);
      }
      return texts;
    }

    /** Fills {@code interventions}; answers the code of each "TYPE: name". */
    private Map<String, String> interventions(List<Intervention> interventions) {
      Map<String, String> codeByTypeAndName = new HashMap<>();
      String list = ARMS + "/interventions";
      for (int i = 0; i < r.size(list); i++) {
        String p = child(list, i);
        String field = "interventions[" + interventions.size() + "]";
        String name = r.at(p + "/name").asText(null);
        if (name == null || name.isBlank() || name.length() > 200) {
          r.warn(
              field,
              "ClinicalTrials.gov's intervention "
                  + p
                  + " has no name of at most 200"
                  + " characters: left unmapped");
          continue;
        }
        r.text(p + "/name");
        RegulatoryType type =
            r.constant(p + "/type", RegulatoryType.class, field + ".regulatoryType");
        String description = r.text(p + "/description", 2000, field + ".description");
        List<String> otherNames = texts(p + "/otherNames", 200, 20, field + ".otherNames");
        String code = codes.codeFor(name);
        boolean placebo =
            PLACEBO.matcher(name).find()
                && !COMBINATION.matcher(name).find()
                && (type == RegulatoryType.DRUG
                    || type == RegulatoryType.DIETARY_SUPPLEMENT
                    || type == RegulatoryType.OTHER);
        if (placebo) {
          interventions.add(new Intervention.Placebo(code, name, description, type, otherNames));
          r.warn(
              field + ".type",
              "typed PLACEBO because its name says placebo (" + name + "); check it");
        } else {
          interventions.add(new Intervention.Other(code, name, description, type, otherNames));
          r.warn(
              field + ".type",
              "typed OTHER: ClinicalTrials.gov does not say what "
                  + name
                  + " contains (strains, CFU per day, compounds); edit it to its psychobiotic"
                  + " type (PROBIOTIC, PREBIOTIC, ...) where it is one");
        }
        String ctgovType = r.at(p + "/type").asText("");
        codeByTypeAndName.put(ctgovType + ":" + name, code);
        codeByTypeAndName.putIfAbsent(":" + name, code);
      }
      return codeByTypeAndName;
    }

    private List<Arm> arms(boolean observational, Map<String, String> codes) {
      List<Arm> arms = new ArrayList<>();
      String list = ARMS + "/armGroups";
      Set<String> labels = new HashSet<>();
      for (int i = 0; i < r.size(list); i++) {
        String p = child(list, i);
        String field = "arms[" + arms.size() + "]";
        String label = r.at(p + "/label").asText(null);
        if (label == null || label.isBlank() || label.length() > 100 || !labels.add(label)) {
          r.warn(
              field,
              "ClinicalTrials.gov's arm "
                  + p
                  + " has no label of at most 100"
                  + " characters of its own: left unmapped");
          continue;
        }
        if (arms.size() == 50) {
          r.warn("arms", "the record holds 50 arms: the rest are left unmapped");
          break;
        }
        r.text(p + "/label");
        ArmType type;
        if (r.has(p + "/type")) {
          type = r.constant(p + "/type", ArmType.class, field + ".type");
          if (type == null) {
            type = ArmType.OTHER;
          }
        } else if (observational) {
          type = ArmType.COHORT;
        } else {
          type = ArmType.OTHER;
          r.defaulted(field + ".type", "ClinicalTrials.gov gives the arm no type: OTHER");
        }
        List<String> interventionCodes = new ArrayList<>();
        String names = p + "/interventionNames";
        for (int j = 0; j < r.size(names); j++) {
          String typeAndName = r.at(child(names, j)).asText("");
          String code = interventionCode(typeAndName, codes);
          if (code == null) {
            r.warn(
                field + ".interventionCodes",
                "'" + typeAndName + "' names no intervention of the record: left unmapped");
          } else if (!interventionCodes.contains(code)) {
            interventionCodes.add(code);
            r.consume(child(names, j));
          }
        }
        arms.add(
            new Arm(
                label,
                type,
                r.text(p + "/description", 2000, field + ".description"),
                interventionCodes,
                null,
                null,
                null));
      }
      if (r.at(list).isArray() && r.size(list) == 0) {
        r.consume(list);
      }
      return arms;
    }

    private String interventionCode(String typeAndName, Map<String, String> codes) {
      int colon = typeAndName.indexOf(": ");
      if (colon < 0) {
        return codes.get(":" + typeAndName);
      }
      String type = TYPE_LABELS.get(typeAndName.substring(0, colon));
      String name = typeAndName.substring(colon + 2);
      String code = codes.get(type + ":" + name);
      return code != null ? code : codes.get(":" + name);
    }

    /**
     * Consumes an intervention's armGroupLabels when they repeat, in arm order, the arms that name
     * it: what the record's links give back. Otherwise (another order, an arm not linked back) the
     * list stays unmapped whole, as the source gave it.
     */
    private void armGroupLabels(List<Arm> arms, Map<String, String> codes) {
      String list = ARMS + "/interventions";
      for (int i = 0; i < r.size(list); i++) {
        String p = child(list, i);
        String code = codes.get(r.at(p + "/type").asText("") + ":" + r.at(p + "/name").asText());
        List<String> given = new ArrayList<>();
        for (int j = 0; j < r.size(p + "/armGroupLabels"); j++) {
          given.add(r.at(child(p + "/armGroupLabels", j)).asText());
        }
        List<String> linked =
            arms.stream()
                .filter(a -> a.interventionCodes().contains(code))
                .map(Arm::label)
                .toList();
        if (!given.isEmpty() && given.equals(linked)) {
          for (int j = 0; j < given.size(); j++) {
            r.consume(child(p + "/armGroupLabels", j));
          }
        }
      }
    }

    private List<Outcome> outcomes(String kind) {
      String list = OUTCOMES + "/" + kind;
      List<Outcome> outcomes = new ArrayList<>();
      for (int i = 0; i < r.size(list); i++) {
        String p = child(list, i);
        String field = kind + "[" + outcomes.size() + "]";
        JsonNode measure = r.at(p + "/measure");
        if (!measure.isTextual()
            || measure.textValue().isBlank()
            || measure.textValue().length() > 300) {
          r.warn(
              field,
              "ClinicalTrials.gov's outcome "
                  + p
                  + " has no measure of at most 300"
                  + " characters: left unmapped");
          continue;
        }
        outcomes.add(
            new Outcome(
                null,
                r.text(p + "/description", 3000, field + ".description"),
                r.text(p + "/timeFrame", 1000, field + ".timeFrame"),
                r.text(p + "/measure")));
      }
      if (r.at(list).isArray() && r.size(list) == 0) {
        r.consume(list);
      }
      // secondary outcomes are a TRDS item even when there are none: an empty list, not null
      return kind.equals("secondaryOutcomes") && !r.has(OUTCOMES) ? null : outcomes;
    }

    // ---- eligibility

    private Eligibility eligibility() {
      String e = ELIGIBILITY;
      if (!r.has(e)) {
        return null;
      }
      String minimumAge = age(e + "/minimumAge", "eligibility.minimumAge");
      String maximumAge = age(e + "/maximumAge", "eligibility.maximumAge");
      return new Eligibility(
          null,
          null,
          years(minimumAge),
          years(maximumAge),
          r.constant(e + "/sex", EligibleSex.class, "eligibility.sex"),
          r.bool(e + "/healthyVolunteers"),
          r.text(e + "/eligibilityCriteria", 20000, "eligibility.criteriaText"),
          minimumAge,
          maximumAge,
          r.bool(e + "/genderBased"),
          r.text(e + "/genderDescription", 1000, "eligibility.genderDescription"),
          r.text(e + "/studyPopulation", 1000, "eligibility.studyPopulation"),
          r.constant(e + "/samplingMethod", SamplingMethod.class, "eligibility.samplingMethod"));
    }

    private String age(String pointer, String field) {
      JsonNode age = r.at(pointer);
      if (!age.isTextual()) {
        return null;
      }
      if (!AGE.matcher(age.textValue()).matches()) {
        r.warn(
            field,
            "ClinicalTrials.gov's age '"
                + age.textValue()
                + "' is not a number and"
                + " a unit (18 Years): unmapped");
        return null;
      }
      return r.text(pointer);
    }

    private Integer years(String age) {
      if (age == null || !age.endsWith(" Years")) {
        return null;
      }
      int years = Integer.parseInt(age.substring(0, age.indexOf(' ')));
      return years <= 120 ? years : null;
    }

    // ---- sponsor, contacts, sites

    private List<Organisation> collaborators() {
      List<Organisation> collaborators = new ArrayList<>();
      String list = SPONSOR + "/collaborators";
      for (int i = 0; i < r.size(list) && collaborators.size() < 100; i++) {
        String p = child(list, i);
        String name = r.text(p + "/name", 300, "collaborators[" + collaborators.size() + "].name");
        if (name != null) {
          collaborators.add(
              new Organisation(
                  name,
                  r.constant(
                      p + "/class",
                      SponsorClass.class,
                      "collaborators[" + collaborators.size() + "].sponsorClass")));
        }
      }
      return collaborators;
    }

    private ResponsibleParty responsibleParty() {
      String p = SPONSOR + "/responsibleParty";
      ResponsiblePartyType type =
          r.constant(p + "/type", ResponsiblePartyType.class, "responsibleParty.type");
      if (type == null) {
        return null;
      }
      return new ResponsibleParty(
          type,
          r.text(p + "/investigatorFullName", 200, "responsibleParty.investigatorName"),
          r.text(p + "/investigatorTitle", 300, "responsibleParty.investigatorTitle"),
          r.text(p + "/investigatorAffiliation", 300, "responsibleParty.investigatorAffiliation"));
    }

    private Contact contact(int index, String field) {
      String p = child(CONTACTS + "/centralContacts", index);
      JsonNode name = r.at(p + "/name");
      JsonNode email = r.at(p + "/email");
      if (!name.isTextual()
          || name.textValue().isBlank()
          || name.textValue().length() > 200
          || !email.isTextual()
          || !EMAIL.matcher(email.textValue()).matches()
          || email.textValue().length() > 200) {
        return null;
      }
      return new Contact(
          r.text(p + "/name"),
          null,
          r.text(p + "/email"),
          r.text(p + "/phone", 40, field + ".phone"),
          null);
    }

    private List<Official> officials() {
      List<Official> officials = new ArrayList<>();
      String list = CONTACTS + "/overallOfficials";
      for (int i = 0; i < r.size(list) && officials.size() < 100; i++) {
        String p = child(list, i);
        String field = "overallOfficials[" + officials.size() + "]";
        String name = r.text(p + "/name", 200, field + ".name");
        if (name != null) {
          officials.add(
              new Official(
                  name,
                  r.text(p + "/affiliation", 300, field + ".affiliation"),
                  r.constant(p + "/role", OfficialRole.class, field + ".role")));
        }
      }
      return officials;
    }

    private List<Site> sites() {
      List<Site> sites = new ArrayList<>();
      String list = CONTACTS + "/locations";
      for (int i = 0; i < r.size(list); i++) {
        String p = child(list, i);
        String country = r.at(p + "/country").asText(null);
        var code = CtgovCountries.code(country);
        if (code.isEmpty()) {
          r.warn(
              "sites",
              "the country of " + p + " ('" + country + "') has no ISO 3166-1 code: site unmapped");
          continue;
        }
        if (sites.size() == 5000) {
          r.warn("sites", "the record holds 5000 sites: the rest are left unmapped");
          break;
        }
        r.text(p + "/country");
        String field = "sites[" + sites.size() + "]";
        sites.add(
            new Site(
                r.text(p + "/facility", 300, field + ".facility"),
                r.text(p + "/city", 100, field + ".city"),
                r.text(p + "/state", 100, field + ".state"),
                r.text(p + "/zip", 20, field + ".zip"),
                code.get(),
                r.constant(p + "/status", SiteStatus.class, field + ".status")));
      }
      return sites;
    }

    // ---- oversight, references, IPD

    private Oversight oversight() {
      String o = OVERSIGHT;
      if (!r.has(o)) {
        return null;
      }
      return new Oversight(
          r.bool(o + "/oversightHasDmc"),
          r.bool(o + "/isFdaRegulatedDrug"),
          r.bool(o + "/isFdaRegulatedDevice"),
          r.bool(o + "/isUnapprovedDevice"),
          r.bool(o + "/isUsExport"));
    }

    private List<Reference> references() {
      List<Reference> references = new ArrayList<>();
      String list = REFERENCES + "/references";
      for (int i = 0; i < r.size(list) && references.size() < 500; i++) {
        String p = child(list, i);
        String field = "references[" + references.size() + "]";
        String pmid = r.at(p + "/pmid").asText(null);
        if (pmid != null && pmid.matches("[1-9]\\d{0,8}")) {
          r.text(p + "/pmid");
        } else {
          if (pmid != null) {
            r.warn(field + ".pmid", "'" + pmid + "' is not a PubMed id: unmapped");
          }
          pmid = null;
        }
        String citation = r.text(p + "/citation", 5000, field + ".citation");
        ReferenceType type = r.constant(p + "/type", ReferenceType.class, field + ".type");
        if (pmid != null || citation != null) {
          references.add(new Reference(pmid, null, citation, type));
        }
      }
      return references;
    }

    private List<Link> links() {
      List<Link> links = new ArrayList<>();
      String list = REFERENCES + "/seeAlsoLinks";
      for (int i = 0; i < r.size(list) && links.size() < 100; i++) {
        String p = child(list, i);
        String field = "links[" + links.size() + "]";
        String url = r.text(p + "/url", 1000, field + ".url");
        if (url != null) {
          links.add(new Link(url, r.text(p + "/label", 300, field + ".label")));
        }
      }
      return links;
    }

    private IpdSharing ipdSharing() {
      IpdSharingPlan plan =
          r.constant(IPD + "/ipdSharing", IpdSharingPlan.class, "ipdSharing.plan");
      if (plan == null) {
        return null;
      }
      List<IpdInfoType> infoTypes = new ArrayList<>();
      for (int i = 0; i < r.size(IPD + "/infoTypes"); i++) {
        IpdInfoType type =
            r.constant(child(IPD + "/infoTypes", i), IpdInfoType.class, "ipdSharing.infoTypes");
        if (type != null) {
          infoTypes.add(type);
        }
      }
      return new IpdSharing(
          plan,
          r.text(IPD + "/description", 2000, "ipdSharing.description"),
          infoTypes,
          r.text(IPD + "/timeFrame", 1000, "ipdSharing.timeFrame"),
          r.text(IPD + "/accessCriteria", 1000, "ipdSharing.accessCriteria"),
          r.text(IPD + "/url", 500, "ipdSharing.url"));
    }

    // ---- results

    private SummaryResults summaryResults(String nctId, LocalDate postedOn) {
      if (!r.at(RESULTS).isObject()) {
        return null;
      }
      var types = json.getTypeFactory();
      ParticipantFlow flow =
          CapturedRead.read(
              json,
              validator,
              r,
              RESULTS + "/participantFlowModule",
              types.constructType(ParticipantFlow.class),
              "summaryResults.participantFlow");
      BaselineCharacteristics baseline =
          CapturedRead.read(
              json,
              validator,
              r,
              RESULTS + "/baselineCharacteristicsModule",
              types.constructType(BaselineCharacteristics.class),
              "summaryResults.baselineCharacteristics");
      List<OutcomeMeasureResult> measures =
          CapturedRead.read(
              json,
              validator,
              r,
              RESULTS + "/outcomeMeasuresModule/outcomeMeasures",
              types.constructCollectionType(List.class, OutcomeMeasureResult.class),
              "summaryResults.outcomeMeasures");
      AdverseEvents events =
          CapturedRead.read(
              json,
              validator,
              r,
              RESULTS + "/adverseEventsModule",
              types.constructType(AdverseEvents.class),
              "summaryResults.adverseEvents");
      return new SummaryResults(
          postedOn,
          "https://clinicaltrials.gov/study/" + nctId + "?tab=results",
          null,
          null,
          null,
          flow,
          baseline,
          measures,
          events,
          r.text(
              RESULTS + "/moreInfoModule/limitationsAndCaveats/description",
              3000,
              "summaryResults.limitationsAndCaveats"));
    }
  }
}
