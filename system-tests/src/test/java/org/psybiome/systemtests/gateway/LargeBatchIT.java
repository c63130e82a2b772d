package org.psybiome.systemtests.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.Participant;
import org.psybiome.systemtests.harness.Trials.TestTrial;

/**
 * A batch of the largest size the API accepts (100 000 CSV rows, about 10 MB), sent chunked as it
 * is generated, passes through the gateway and is stored whole.
 */
@ExtendWith(StackExtension.class)
class LargeBatchIT {

  private static final int ROWS = 100_000;
  private static final List<String> VISITS = List.of("W0", "W4", "W8");

  @Test
  void hundredThousandCsvRowsAreStreamedThroughAndStored(PsybiomeStack stack) throws Exception {
    Trials trials = new Trials(stack.gatewayUri());
    TestTrial trial = trials.recruiting(stack.root(), "BULK", 2);
    trials.awaitKnownToBiomarker(trial);

    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(stack.gatewayUri() + "/api/v1/trials/" + trial.id() + "/results"))
            .timeout(Duration.ofMinutes(3))
            .header("Authorization", Tokens.bearer("pipeline", "BULK"))
            .header("Content-Type", "text/csv")
            .header("Idempotency-Key", "bulk-" + UUID.randomUUID())
            // no length: sent chunked while generated, never held whole by the client
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> csv(trial.participants())))
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode batch = Trials.parse(response.body());
    assertThat(batch.get("rows").asInt()).isEqualTo(ROWS);
    try (Connection db = stack.biomarkerDatabase().connectAsOwner();
        PreparedStatement count =
            db.prepareStatement("SELECT count(*) FROM result WHERE batch_id = ?::uuid")) {
      count.setString(1, batch.get("id").asText());
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(ROWS);
      }
    }
  }

  /** The CSV body, made lazily a thousand rows at a time. */
  private static InputStream csv(List<Participant> participants) {
    String header = "participant,visit,sampleId,collectedAt,analyte,value,unit\n";
    Enumeration<InputStream> chunks =
        new Enumeration<>() {
          private int next = -1;

          @Override
          public boolean hasMoreElements() {
            return next < ROWS;
          }

          @Override
          public InputStream nextElement() {
            StringBuilder chunk = new StringBuilder();
            if (next < 0) {
              chunk.append(header);
              next = 0;
            }
            int end = Math.min(ROWS, next + 1000);
            for (int i = next; i < end; i++) {
              chunk
                  .append(participants.get(i % participants.size()).code())
                  .append(',')
                  .append(VISITS.get(i % VISITS.size()))
                  .append(",LAB7-RUN-2026-02-01-PLATE-A-SERUM-")
                  .append(i)
                  .append(",2026-02-01T08:00:00Z,IL6,")
                  .append(1 + (i % 250) / 10.0)
                  .append(",pg/mL\n");
            }
            next = end;
            return new ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8));
          }
        };
    return new SequenceInputStream(chunks);
  }
}
