package org.psybiome.trial.repository;

import java.time.LocalDate;
import java.util.List;
import org.psybiome.trial.model.Intervention;
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

/**
 * The trial record as stored: the {@code content} JSON document of the {@code trial} and {@code
 * trial_version} rows. Its property names are the stored format, readable in every document written
 * so far: add properties, never rename or remove one. A missing property reads as null, so an old
 * document stays readable after a property is added. Mapped to and from the API's record by {@link
 * StoredTrialDocumentMapper}; the leaf values are the domain's own types.
 */
public record StoredTrialDocument(
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
    ResultsSharing resultsSharing) {}
