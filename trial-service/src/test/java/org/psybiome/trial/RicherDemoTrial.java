package org.psybiome.trial;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The probiotic demo trial with the items of record 1.1: month-only planned dates, reported
 * enrolment plan, summary, keywords, sponsor class, officials, sites, free-text, MeSH and SNOMED CT
 * conditions, references and links.
 */
final class RicherDemoTrial {

  private RicherDemoTrial() {}

  static ObjectNode load() {
    ObjectNode trial = DemoTrials.load(DemoTrials.PROBIOTIC);
    // 1.0's day-precision dates give way to month-only ones
    trial.remove("anticipatedFirstEnrolment");
    trial.remove("completionDate");
    ObjectNode dates = trial.putObject("dates");
    dates.putObject("studyStart").put("date", "2027-03").put("type", "ANTICIPATED");
    dates.putObject("primaryCompletion").put("date", "2028-12").put("type", "ANTICIPATED");
    dates.putObject("studyCompletion").put("date", "2029-06").put("type", "ANTICIPATED");
    trial.put("briefSummary", "Does a probiotic added to an SSRI improve depression?");
    trial.putArray("keywords").add("probiotic").add("gut-brain axis");
    trial.put("primarySponsorClass", "OTHER");
    trial
        .putArray("overallOfficials")
        .addObject()
        .put("name", "Anna Weber, MD")
        .put("affiliation", "Charité Berlin")
        .put("role", "PRINCIPAL_INVESTIGATOR");
    ArrayNode sites = trial.putArray("sites");
    sites
        .addObject()
        .put("facility", "Charité Campus Mitte")
        .put("city", "Berlin")
        .put("country", "DE")
        .put("status", "NOT_YET_RECRUITING");
    sites
        .addObject()
        .put("facility", "APC Microbiome Ireland")
        .put("city", "Cork")
        .put("country", "IE");
    ArrayNode conditions = trial.putArray("conditions");
    conditions
        .addObject()
        .put("system", "MESH")
        .put("code", "D003866")
        .put("label", "Depressive Disorder");
    conditions
        .addObject()
        .put("system", "SNOMED_CT")
        .put("code", "35489007")
        .put("label", "Depressive disorder");
    conditions.addObject().put("label", "gut microbiome");
    ArrayNode references = trial.putArray("references");
    references
        .addObject()
        .put("pmid", "27509853")
        .put("type", "BACKGROUND")
        .put("citation", "Wallace CJK, Milev R. Ann Gen Psychiatry. 2017;16:14.");
    references
        .addObject()
        .put("doi", "10.1017/S0007114510004319")
        .put("type", "BACKGROUND")
        .put("citation", "Messaoudi M, et al. Br J Nutr. 2011;105(5):755-64.");
    trial
        .putArray("links")
        .addObject()
        .put("url", "https://example.org/probio-dep")
        .put("label", "Study website");
    return trial;
  }
}
