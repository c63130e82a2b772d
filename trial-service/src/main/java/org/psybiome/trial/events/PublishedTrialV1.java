package org.psybiome.trial.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.psybiome.trial.model.Intervention;
import org.psybiome.trial.model.RegistrationTiming;
import org.psybiome.trial.model.SponsorClass;
import org.psybiome.trial.model.TrialContent.AnalysisPlan;
import org.psybiome.trial.model.TrialContent.Arm;
import org.psybiome.trial.model.TrialContent.Condition;
import org.psybiome.trial.model.TrialContent.Contact;
import org.psybiome.trial.model.TrialContent.Design;
import org.psybiome.trial.model.TrialContent.Eligibility;
import org.psybiome.trial.model.TrialContent.EthicsReview;
import org.psybiome.trial.model.TrialContent.IpdSharing;
import org.psybiome.trial.model.TrialContent.KeyDates;
import org.psybiome.trial.model.TrialContent.Link;
import org.psybiome.trial.model.TrialContent.Official;
import org.psybiome.trial.model.TrialContent.Organisation;
import org.psybiome.trial.model.TrialContent.OriginalRegistration;
import org.psybiome.trial.model.TrialContent.Outcome;
import org.psybiome.trial.model.TrialContent.Oversight;
import org.psybiome.trial.model.TrialContent.Reference;
import org.psybiome.trial.model.TrialContent.ReportedEnrolment;
import org.psybiome.trial.model.TrialContent.ResponsibleParty;
import org.psybiome.trial.model.TrialContent.ResultsSharing;
import org.psybiome.trial.model.TrialContent.Schedule;
import org.psybiome.trial.model.TrialContent.SecondaryId;
import org.psybiome.trial.model.TrialContent.Site;
import org.psybiome.trial.model.TrialContent.SummaryResults;
import org.psybiome.trial.model.TrialStatus;

/**
 * The public trial record as the v1 events carry it (docs/events/trial-view.schema.json): what the
 * registry assigns, then the record's items, in this order. It is its own type so that a change to
 * the API's response cannot change what is published; a change here is a new event version.
 */
@JsonPropertyOrder({
  "id",
  "primaryRegistry",
  "consortium",
  "status",
  "version",
  "registeredOn",
  "actualEnrolment",
  "blinded",
  "unblindedAt",
  "statusHistory",
  "createdAt",
  "updatedAt",
  "lastKnownStatus",
  "registrationTiming"
})
public record PublishedTrialV1(
    String id,
    String consortium,
    TrialStatus status,
    int version,
    LocalDate registeredOn,
    long actualEnrolment,
    boolean blinded,
    Instant unblindedAt,
    List<PublishedStatusV1> statusHistory,
    Instant createdAt,
    Instant updatedAt,
    List<SecondaryId> secondaryIds,
    List<String> sourcesOfSupport,
    String primarySponsor,
    List<String> secondarySponsors,
    Contact publicContact,
    Contact scientificContact,
    String publicTitle,
    String scientificTitle,
    String acronym,
    List<String> countries,
    List<Condition> conditions,
    List<Intervention> interventions,
    Eligibility eligibility,
    Design design,
    LocalDate anticipatedFirstEnrolment,
    Integer targetSampleSize,
    List<Outcome> primaryOutcomes,
    List<Outcome> secondaryOutcomes,
    EthicsReview ethicsReview,
    LocalDate completionDate,
    SummaryResults summaryResults,
    IpdSharing ipdSharing,
    List<Arm> arms,
    Schedule schedule,
    // the record's items added in 1.1 (the import's source document is not published: it is
    // provenance, not the record, and can be larger than an event may be)
    KeyDates dates,
    ReportedEnrolment enrolment,
    String briefSummary,
    String detailedDescription,
    List<String> keywords,
    SponsorClass primarySponsorClass,
    List<Organisation> collaborators,
    ResponsibleParty responsibleParty,
    List<Official> overallOfficials,
    List<Site> sites,
    Oversight oversight,
    List<Outcome> otherOutcomes,
    List<EthicsReview> ethicsReviews,
    List<Reference> references,
    List<Link> links,
    OriginalRegistration originalRegistration,
    AnalysisPlan analysisPlan,
    ResultsSharing resultsSharing,
    TrialStatus lastKnownStatus,
    RegistrationTiming registrationTiming) {

  /** TRDS item 1: the primary registry is Psybiome itself. */
  @JsonProperty("primaryRegistry")
  public String primaryRegistry() {
    return "Psybiome";
  }

  /** One entry of the published status history. */
  public record PublishedStatusV1(
      TrialStatus status, LocalDate effectiveDate, String reason, Instant recordedAt) {}
}
