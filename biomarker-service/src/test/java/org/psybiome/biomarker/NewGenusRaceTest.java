package org.psybiome.biomarker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.biomarker.ResultsApi.post;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * Two batches, posted at the same moment, each reporting a genus the catalogue does not list yet,
 * whose derived SDTM test codes collide: "TX" + a seven-digit taxon id is cut to 8 characters, so
 * TAXON_9123401 and TAXON_9123402 both derive TX912340. The one that commits second used to fail on
 * the unique test code (a 500); both must be stored, and the two genera get distinct test codes
 * (TX912340 and TX912342, in either order). The window is narrow, so several pairs are raced; a
 * pass does not prove the race was hit every time, only that every outcome is right.
 */
@QuarkusTest
class NewGenusRaceTest {

  private static final int PAIRS = 6;

  @Inject TrialSnapshots snapshots;

  @Test
  void batchesAddingCollidingGeneraAtOnceAreBothStored() throws Exception {
    String trial = ResultsApi.registeredTrial(snapshots);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int pair = 0; pair < PAIRS; pair++) {
        // TAXON_91234<pair>1 and ...2: seven digits, so both "TX" + id are cut to TX91234<pair>
        String first = "TAXON_9" + (12340 + pair) + "1";
        String second = "TAXON_9" + (12340 + pair) + "2";
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> posts = new ArrayList<>();
        for (String genus : List.of(first, second)) {
          String csv =
              "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
                  + "MG-0001,W0,R-"
                  + genus
                  + ",2026-03-01T08:15:00Z,"
                  + genus
                  + ",40,%\n";
          posts.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    await(start);
                    return post(trial, "text/csv", csv, null).statusCode();
                  },
                  pool));
        }
        start.countDown();
        for (CompletableFuture<Integer> status : posts) {
          assertThat(status.get(60, TimeUnit.SECONDS)).as("pair %d", pair).isEqualTo(201);
        }
        String a = testCode(first);
        String b = testCode(second);
        assertThat(a).isNotEqualTo(b);
        assertThat(List.of(a, b))
            .allSatisfy(code -> assertThat(code).hasSizeLessThanOrEqualTo(8).startsWith("TX"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String testCode(String genus) {
    return given()
        .get("/api/v1/analytes/" + genus)
        .then()
        .statusCode(200)
        .extract()
        .path("sdtmTestCode");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
