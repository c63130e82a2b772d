package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.post;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;
import org.psybiome.testsupport.TestTokens;

/**
 * The export really streams. 30 000 results make ~12 MB of NDJSON, three times what the socket
 * buffers here hold (4 MB send buffer at most, 64 KB receive buffer, Netty's 64 KB queue); a client
 * that reads the first row and then stops leaves a streaming server blocked mid-way, its database
 * cursor open. An exporter that read everything before writing (or wrote everything into a buffer
 * first) would have closed its transaction before the first byte arrived, so the open cursor seen
 * while the client holds only the first row is the proof. No timing is measured: the state is
 * awaited.
 */
@QuarkusTest
class ResultExportStreamingTest {

  private static final String OPEN_EXPORT_CURSORS =
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND state = 'idle in transaction'"
          + " AND query LIKE 'SELECT id, participant_code%FROM current_result%'";

  @Inject TrialSnapshots snapshots;
  @Inject AgroalDataSource dataSource;

  @Test
  void theFirstRowArrivesWhileTheCursorIsOpenAndADroppedClientReleasesIt() throws Exception {
    String trial = ResultsApi.registeredTrial(snapshots);
    StringBuilder csv =
        new StringBuilder("participant,visit,sampleId,collectedAt,analyte,value,unit\n");
    for (int i = 1; i <= 30_000; i++) {
      csv.append(ResultsApi.PARTICIPANTS.get(i % 3))
          .append(",W0,E-")
          .append(i)
          .append(",2026-03-01T08:15:00Z,IL6,")
          .append(i % 500)
          .append(".25,pg/mL\n");
    }
    post(trial, "text/csv", csv.toString(), null)
        .then()
        .statusCode(201)
        .body("rows", equalTo(30_000));
    assertThat(openExportCursors()).isZero();

    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(64 * 1024);
      socket.connect(new InetSocketAddress("localhost", RestAssured.port));
      OutputStream request = socket.getOutputStream();
      request.write(
          ("GET /api/v1/trials/"
                  + trial
                  + "/results/export?format=ndjson HTTP/1.1\r\n"
                  + "Host: localhost\r\n"
                  + "Authorization: Bearer "
                  + TestTokens.token("reader", CONSORTIUM)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      request.flush();
      InputStream response = socket.getInputStream();
      String head = readUntil(response, "\r\n\r\n");
      assertThat(head)
          .startsWith("HTTP/1.1 200")
          .containsIgnoringCase("transfer-encoding: chunked");
      assertThat(head.toLowerCase()).doesNotContain("content-length");
      // the chunk-size line, then the first NDJSON line
      String firstRow = readUntil(response, "}\n");
      assertThat(firstRow).contains("\"sampleId\":\"E-1\"");

      // the client reads no further: the server must be blocked with its cursor open
      await().atMost(Duration.ofSeconds(60)).until(() -> openExportCursors() == 1);
    }
    // the client has gone: the write fails, the cursor's transaction ends, the connection returns
    await().atMost(Duration.ofSeconds(60)).until(() -> openExportCursors() == 0);
  }

  private long openExportCursors() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery(OPEN_EXPORT_CURSORS)) {
      count.next();
      return count.getLong(1);
    }
  }

  /** Reads up to and including {@code end}; the response is ASCII up to there. */
  private static String readUntil(InputStream in, String end) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] tail = end.getBytes(StandardCharsets.US_ASCII);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the response ended before " + end.replace("\n", "\\n"));
      }
      read.write(b);
      byte[] bytes = read.toByteArray();
      if (bytes.length >= tail.length && endsWith(bytes, tail)) {
        return read.toString(StandardCharsets.UTF_8);
      }
    }
  }

  private static boolean endsWith(byte[] bytes, byte[] tail) {
    for (int i = 0; i < tail.length; i++) {
      if (bytes[bytes.length - tail.length + i] != tail[i]) {
        return false;
      }
    }
    return true;
  }
}
