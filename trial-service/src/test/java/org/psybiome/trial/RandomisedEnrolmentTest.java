package org.psybiome.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.psybiome.trial.TrialApi.as;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.psybiome.trial.repository.AllocationSlotEntity;
import org.psybiome.trial.repository.AllocationSlotRepository;

/**
 * A trial that declares its randomisation is allocated by the registry: the enrolment gives the
 * participant's strata, never the arm; a masked trial answers with an allocation number, not the
 * arm; the sequence is sealed when recruitment starts and each slot goes to exactly one
 * participant, in order, also under concurrent enrolments.
 */
@QuarkusTest
class RandomisedEnrolmentTest {

  @Inject AllocationSlotRepository slots;

  private static TrialApi.Created randomisedTrial(String method) {
    return randomisedTrial(method, record -> {}, LocalDate.now());
  }

  private static TrialApi.Created randomisedTrial(
      String method, java.util.function.Consumer<ObjectNode> change, LocalDate recruitingFrom) {
    ObjectNode record = DemoTrials.load(DemoTrials.PROBIOTIC); // masked, Probiotic vs Placebo 1:1
    change.accept(record);
    ObjectNode randomisation = record.withObject("/design").putObject("randomisation");
    randomisation.put("method", method);
    if (method.contains("BLOCKS")) {
      randomisation.putArray("blockSizeMultipliers").add(1).add(2);
    }
    if (method.startsWith("STRATIFIED") || method.equals("MINIMISATION")) {
      var site = randomisation.putArray("factors").addObject();
      site.put("code", "SITE").putArray("levels").add("BER").add("DUB");
    }
    if (method.equals("MINIMISATION")) {
      randomisation.put("minimisationProbability", 0.8);
    }
    var draft = TrialApi.createDraft(record);
    String etag =
        TrialApi.changeStatus(draft.id(), draft.etag(), "RECRUITING", null, recruitingFrom)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    return new TrialApi.Created(draft.id(), etag);
  }

  private static io.restassured.response.Response enrol(
      String id, String code, Map<String, String> strata, String arm) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("enrolledOn", LocalDate.now().toString());
    if (strata != null) {
      body.put("strata", strata);
    }
    if (arm != null) {
      body.put("arm", arm);
    }
    return as("registrant")
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/trials/" + id + "/participants");
  }

  @Test
  void aMaskedTrialAnswersWithAnAllocationNumberAndKeepsBlocksBalanced() {
    var trial = randomisedTrial("STRATIFIED_PERMUTED_BLOCKS");
    for (int i = 1; i <= 12; i++) {
      enrol(trial.id(), "P-R-" + i, Map.of("SITE", "BER"), null)
          .then()
          .statusCode(201)
          .body("arm", nullValue())
          .body("armCode", nullValue())
          .body("allocation", equalTo("RANDOMISED"))
          .body("allocationReference", matchesPattern("[0-9A-HJKMNP-TV-Z]{8}"));
    }
    // the registrant never learns arms; the trial's statistician sees them
    as("registrant")
        .get("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .body("items.arm", org.hamcrest.Matchers.everyItem(nullValue()));
    List<String> arms =
        as("statistician")
            .queryParam("pageSize", 50)
            .get("/api/v1/trials/" + trial.id() + "/participants")
            .jsonPath()
            .getList("items.armCode");
    assertThat(arms).hasSize(12).containsOnly("PROBIOTIC", "PLACEBO");
    // blocks of 2 or 4 at 1:1: in enrolment order, no prefix is ever more than 2 apart
    List<String> inOrder = slotArms(trial.id(), "SITE=BER");
    int difference = 0;
    for (int i = 0; i < 12; i++) {
      difference += inOrder.get(i).equals("PROBIOTIC") ? 1 : -1;
      assertThat(Math.abs(difference)).as("imbalance after %d", i + 1).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void aStratumUsedUpGetsMoreWholeBlocksAndTheSealIsAudited() {
    // a target of 2: the sequence starts with one or two blocks (of 2 or 4) per stratum
    var trial =
        randomisedTrial(
            "STRATIFIED_PERMUTED_BLOCKS", r -> r.put("targetSampleSize", 2), LocalDate.now());
    int before = slots.countOf(trial.id());
    for (int i = 1; i <= 9; i++) {
      enrol(trial.id(), "P-X-" + i, Map.of("SITE", "BER"), null).then().statusCode(201);
    }
    List<AllocationSlotEntity> used = used(trial.id(), "SITE=BER");
    assertThat(used).extracting(s -> s.position).containsExactlyElementsOf(range(9));
    assertThat(slots.countOf(trial.id())).isGreaterThan(before);
    assertThat(used).extracting(s -> s.reference).doesNotHaveDuplicates();
    // every completed block is balanced 1:1 (a block is complete when all its slots are used)
    Map<Integer, List<AllocationSlotEntity>> blocks = new java.util.TreeMap<>();
    used.forEach(s -> blocks.computeIfAbsent(s.block, b -> new ArrayList<>()).add(s));
    assertThat(blocks.values())
        .filteredOn(block -> block.size() == block.get(0).blockSize)
        .isNotEmpty()
        .allSatisfy(
            block ->
                assertThat(block.stream().filter(s -> s.armCode.equals("PROBIOTIC")).count() * 2)
                    .isEqualTo(block.size()));
    as("registrant")
        .get("/api/v1/trials/" + trial.id() + "/audit")
        .then()
        .body("items.action", hasItem("SEQUENCE_GENERATED"));
  }

  @Test
  void theSealedRandomisationCannotChange() {
    var trial = randomisedTrial("PERMUTED_BLOCKS");
    ObjectNode record = DemoTrials.load(DemoTrials.PROBIOTIC);
    record.withObject("/design").putObject("randomisation").put("method", "SIMPLE");
    record.put("changeReason", "simpler");
    TrialApi.update(trial.id(), trial.etag(), record)
        .then()
        .statusCode(409)
        .body("detail", containsString("sequence is sealed"));
  }

  @Test
  void anArmGivenForAnEnrolmentFromBeforeRegistrationIsHistory() {
    // recruiting since 2025-01-06, registered here today: earlier enrolments are history
    var trial = randomisedTrial("PERMUTED_BLOCKS", r -> {}, LocalDate.parse("2025-01-06"));
    as("registrant")
        .contentType(ContentType.JSON)
        .body(Map.of("code", "P-H-1", "arm", "PLACEBO", "enrolledOn", "2025-02-03"))
        .post("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .statusCode(201)
        .body("allocation", equalTo("HISTORICAL"))
        .body("allocationReference", nullValue());
    assertThat(usedSlots(trial.id())).isZero();
  }

  @Test
  void theRegistryAllocatesAndAnArmIsOnlyHistory() {
    var trial = randomisedTrial("PERMUTED_BLOCKS");
    enrol(trial.id(), "P-A-1", null, "PROBIOTIC")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("arm"))
        .body("detail", containsString("randomised by the registry"));
    var stratified = randomisedTrial("STRATIFIED_PERMUTED_BLOCKS");
    enrol(stratified.id(), "P-A-2", Map.of(), null)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("strata.SITE"));
    enrol(stratified.id(), "P-A-3", Map.of("SITE", "ROM"), null).then().statusCode(400);
    // nothing was used by the refused enrolments
    assertThat(usedSlots(stratified.id())).isZero();
  }

  @Test
  void minimisationAllocatesWithoutASequence() {
    var trial = randomisedTrial("MINIMISATION");
    List<String> references = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      references.add(
          enrol(trial.id(), "P-M-" + i, Map.of("SITE", i % 3 == 0 ? "DUB" : "BER"), null)
              .then()
              .statusCode(201)
              .body("allocation", equalTo("RANDOMISED"))
              .extract()
              .path("allocationReference"));
    }
    assertThat(references).doesNotHaveDuplicates().doesNotContainNull();
    List<String> arms =
        as("statistician")
            .get("/api/v1/trials/" + trial.id() + "/participants")
            .jsonPath()
            .getList("items.armCode");
    long probiotic = arms.stream().filter("PROBIOTIC"::equals).count();
    // p = 0.8 towards balance over 10 participants: both arms used
    assertThat(probiotic).isBetween(1L, 9L);
  }

  @Test
  void fiftyConcurrentEnrolmentsIntoOneStratumTakeFiftySlotsInOrder() throws Exception {
    var trial = randomisedTrial("STRATIFIED_PERMUTED_BLOCKS");
    var pool = Executors.newFixedThreadPool(8);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String code = "P-C-" + i;
      calls.add(() -> enrol(trial.id(), code, Map.of("SITE", "DUB"), null).statusCode());
    }
    List<Integer> statuses = new ArrayList<>();
    for (var f : pool.invokeAll(calls)) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(statuses).containsOnly(201);
    // exactly the first fifty slots of the stratum, each once: none shared, none skipped
    List<AllocationSlotEntity> used = used(trial.id(), "SITE=DUB");
    assertThat(used).extracting(s -> s.position).containsExactlyElementsOf(range(50));
    assertThat(used).extracting(s -> s.participantCode).doesNotHaveDuplicates().hasSize(50);
  }

  /** Positions are 1-based within a stratum. */
  private static List<Integer> range(int n) {
    List<Integer> list = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      list.add(i);
    }
    return list;
  }

  @Transactional
  List<AllocationSlotEntity> used(String trialId, String stratum) {
    return slots.ofTrial(trialId).stream()
        .filter(s -> s.stratum.equals(stratum) && s.participantCode != null)
        .sorted(java.util.Comparator.comparingInt(s -> s.position))
        .toList();
  }

  @Transactional
  long usedSlots(String trialId) {
    return slots.ofTrial(trialId).stream().filter(s -> s.participantCode != null).count();
  }

  @Transactional
  List<String> slotArms(String trialId, String stratum) {
    return used(trialId, stratum).stream().map(s -> s.armCode).toList();
  }
}
