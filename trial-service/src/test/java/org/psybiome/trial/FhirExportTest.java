package org.psybiome.trial;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.trial.TrialApi.as;

import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FHIR R4 export: each demo trial, registered, is a ResearchStudy that HAPI's validator finds
 * no error in and that says what the record says; it is as visible as the record.
 */
@QuarkusTest
class FhirExportTest {

  private static final String FHIR_JSON = "application/fhir+json";

  private static Response export(String id) {
    return given().queryParam("format", "fhir-r4").get("/api/v1/trials/" + id + "/export");
  }

  @Test
  void theValidatorFindsErrors() {
    // an Observation without status and code breaks R4's cardinalities: proof that it validates
    String empty = FhirValidation.R4.newJsonParser().encodeResourceToString(new Observation());
    List<SingleValidationMessage> errors = FhirValidation.errors(FhirValidation.validate(empty));
    assertThat(errors)
        .extracting(SingleValidationMessage::getLocationString)
        .anySatisfy(l -> assertThat(l).contains("Observation"));
    assertThat(errors)
        .extracting(SingleValidationMessage::getMessage)
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {DemoTrials.PROBIOTIC, DemoTrials.FMT, DemoTrials.DIET})
  void aRegisteredDemoTrialIsAValidResearchStudy(String demo) {
    ObjectNode record = DemoTrials.load(demo);
    TrialApi.Created draft = TrialApi.createDraft(record);
    String etag = TrialApi.moveTo(draft.id(), draft.etag(), "RECRUITING");

    Response response = export(draft.id());
    response.then().statusCode(200).contentType(FHIR_JSON).header("ETag", equalTo(etag));
    String json = response.asString();

    List<SingleValidationMessage> messages = FhirValidation.validate(json);
    System.out.printf(
        "FHIR validation of %s: %d errors, %d warnings%n",
        demo, FhirValidation.errors(messages).size(), FhirValidation.warnings(messages).size());
    FhirValidation.warnings(messages)
        .forEach(m -> System.out.println("  " + m.getLocationString() + ": " + m.getMessage()));
    assertThat(FhirValidation.errors(messages)).isEmpty();

    ResearchStudy study =
        FhirValidation.R4.newJsonParser().parseResource(ResearchStudy.class, json);
    assertThat(study.getStatus().toCode()).isEqualTo("active");
    assertThat(study.getTitle()).isEqualTo(record.get("publicTitle").asText());

    List<String> identifiers = new ArrayList<>();
    identifiers.add("https://psybiome.org/fhir/NamingSystem/trial-id|" + draft.id());
    identifiers.add("http://clinicaltrials.gov|" + secondaryId(record, "NCT"));
    identifiers.add("https://www.isrctn.com|" + secondaryId(record, "ISRCTN"));
    assertThat(study.getIdentifier())
        .extracting(i -> i.getSystem() + "|" + i.getValue())
        .containsExactlyElementsOf(identifiers);
    assertThat(study.getIdentifierFirstRep().getUse()).isEqualTo(Identifier.IdentifierUse.OFFICIAL);

    assertThat(study.getArm())
        .extracting(ResearchStudy.ResearchStudyArmComponent::getName)
        .containsExactlyElementsOf(texts(record.get("arms"), "label"));
    assertThat(study.getCondition())
        .extracting(c -> c.getCodingFirstRep().getCode())
        .containsExactlyElementsOf(texts(record.get("conditions"), "code"));
    assertThat(study.getCondition())
        .extracting(CodeableConcept::getText)
        .containsExactlyElementsOf(texts(record.get("conditions"), "label"));
    assertThat(study.getLocation())
        .extracting(c -> c.getCodingFirstRep().getCode())
        .containsExactlyElementsOf(
            StreamSupport.stream(record.get("countries").spliterator(), false)
                .map(JsonNode::asText)
                .toList());
    assertThat(study.getFocus())
        .extracting(CodeableConcept::getText)
        .containsExactlyElementsOf(texts(record.get("interventions"), "name"));
    assertThat(study.getObjective())
        .extracting(o -> o.getType().getCodingFirstRep().getCode())
        .containsOnly("primary", "secondary")
        .hasSize(record.get("primaryOutcomes").size() + record.get("secondaryOutcomes").size());
    assertThat(study.getPeriod().getStartElement().getValueAsString())
        .isEqualTo(record.get("anticipatedFirstEnrolment").asText());
    assertThat(study.getPeriod().getEndElement().getValueAsString())
        .isEqualTo(record.get("completionDate").asText());

    Group enrolment = (Group) contained(study, study.getEnrollmentFirstRep().getReference());
    assertThat(enrolment.getQuantity()).isEqualTo(record.get("targetSampleSize").asInt());
    assertThat(enrolment.getActual()).isFalse();
    assertThat(enrolment.getType()).isEqualTo(Group.GroupType.PERSON);
    Organization sponsor = (Organization) contained(study, study.getSponsor().getReference());
    assertThat(sponsor.getName()).isEqualTo(record.get("primarySponsor").asText());
    assertThat(study.getContactFirstRep().getName())
        .isEqualTo(record.get("publicContact").get("name").asText());
  }

  @Test
  void theRicherRecordIsAValidResearchStudy() {
    ObjectNode record = RicherDemoTrial.load();
    TrialApi.Created draft = TrialApi.createDraft(record);
    TrialApi.moveTo(draft.id(), draft.etag(), "RECRUITING");

    String json = export(draft.id()).then().statusCode(200).extract().asString();
    List<SingleValidationMessage> messages = FhirValidation.validate(json);
    FhirValidation.warnings(messages)
        .forEach(m -> System.out.println("  " + m.getLocationString() + ": " + m.getMessage()));
    assertThat(FhirValidation.errors(messages)).isEmpty();

    ResearchStudy study =
        FhirValidation.R4.newJsonParser().parseResource(ResearchStudy.class, json);
    assertThat(study.getPeriod().getStartElement().getValueAsString()).isEqualTo("2027-03");
    assertThat(study.getPeriod().getEndElement().getValueAsString()).isEqualTo("2029-06");
    assertThat(study.getCondition())
        .extracting(c -> c.getCodingFirstRep().getSystem())
        .containsExactly("https://www.nlm.nih.gov/mesh", "http://snomed.info/sct", null);
    assertThat(study.getCondition().get(2).getText()).isEqualTo("gut microbiome");
    assertThat(study.getKeyword())
        .extracting(CodeableConcept::getText)
        .containsExactly("probiotic", "gut-brain axis");
    assertThat(study.getSite()).hasSize(2);
    Location charite = (Location) contained(study, study.getSite().get(0).getReference());
    assertThat(charite.getName()).isEqualTo("Charité Campus Mitte");
    assertThat(charite.getAddress().getCountry()).isEqualTo("DE");
    assertThat(study.getRelatedArtifact())
        .extracting(RelatedArtifact::getUrl)
        .containsExactly(
            "https://pubmed.ncbi.nlm.nih.gov/27509853/",
            "https://doi.org/10.1017/S0007114510004319",
            "https://example.org/probio-dep");
    Practitioner pi =
        (Practitioner) contained(study, study.getPrincipalInvestigator().getReference());
    assertThat(pi.getNameFirstRep().getText()).isEqualTo("Anna Weber, MD");
    assertThat(study.getDescription())
        .endsWith("Does a probiotic added to an SSRI improve depression?");
  }

  @Test
  void aDraftIsExportedOnlyToItsConsortium() {
    ObjectNode record = DemoTrials.load(DemoTrials.DIET);
    TrialApi.Created draft = TrialApi.createDraft(record);
    String json =
        as("reader")
            .queryParam("format", "fhir-r4")
            .get("/api/v1/trials/" + draft.id() + "/export")
            .then()
            .statusCode(200)
            .contentType(FHIR_JSON)
            .extract()
            .asString();
    ResearchStudy study =
        FhirValidation.R4.newJsonParser().parseResource(ResearchStudy.class, json);
    // not registered: the protocol is written and awaits registration
    assertThat(study.getStatus().toCode()).isEqualTo("in-review");
    assertThat(FhirValidation.errors(FhirValidation.validate(json))).isEmpty();

    as("reader", TrialApi.OTHER_CONSORTIUM)
        .queryParam("format", "fhir-r4")
        .get("/api/v1/trials/" + draft.id() + "/export")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    export(draft.id()).then().statusCode(404);
  }

  @Test
  void anUnknownOrMissingFormatIsAProblemNamingTheFormats() {
    TrialApi.Created trial = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    given()
        .queryParam("format", "fhir-r5")
        .get("/api/v1/trials/" + trial.id() + "/export")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("format"))
        .body("violations[0].message", containsString("fhir-r4"))
        .body("violations[0].message", containsString("ctgov-v2"))
        .body("violations[0].message", containsString("who-trds"));
    given()
        .get("/api/v1/trials/" + trial.id() + "/export")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("format"));
  }

  @Test
  void anUnknownTrialIsNotFound() {
    export("PSB-1999-999999").then().statusCode(404).contentType("application/problem+json");
  }

  private static String secondaryId(ObjectNode record, String registry) {
    return StreamSupport.stream(record.get("secondaryIds").spliterator(), false)
        .filter(id -> id.get("registry").asText().equals(registry))
        .map(id -> id.get("value").asText())
        .findFirst()
        .orElseThrow();
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> n.get(field).asText())
        .toList();
  }

  private static Resource contained(ResearchStudy study, String reference) {
    assertThat(reference).startsWith("#");
    return study.getContained().stream()
        .filter(r -> r.getIdElement().getIdPart().equals(reference.substring(1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no contained resource " + reference));
  }
}
