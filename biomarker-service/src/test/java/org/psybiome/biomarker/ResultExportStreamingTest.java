package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.config.BiomarkerConfig;
import org.psybiome.biomarker.service.TrialSnapshots;
import org.psybiome.biomarker.service.export.ExportPermits;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
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
  @Inject ExportPermits permits;
  @Inject BiomarkerConfig config;

  @Test
  void theFirstRowArrivesWhileTheCursorIsOpenAndADroppedClientReleasesIt() throws Exception {
    String trial = largeTrial();
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

  /**
   * A client that hangs up abruptly (a TCP reset) after the first row gives its export's place
   * back: the consortium can start its full share of exports again (3 by default, the configured
   * max-per-consortium) and no more. Were the place kept, the share would stay one short and the
   * await below would time out.
   */
  @Test
  void aClientThatHangsUpMidExportGivesItsPlaceBack() throws Exception {
    String trial = largeTrial();
    assertThat(permits.running()).isZero();

    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(64 * 1024);
      socket.connect(new InetSocketAddress("localhost", RestAssured.port));
      requestExport(socket, trial);
      InputStream response = socket.getInputStream();
      assertThat(readUntil(response, "\r\n\r\n")).startsWith("HTTP/1.1 200");
      assertThat(readUntil(response, "}\n")).contains("\"sampleId\":\"E-1\"");
      // streaming, blocked on the unread socket: the export holds its place
      await().atMost(Duration.ofSeconds(60)).until(() -> openExportCursors() == 1);
      assertThat(permits.running()).isEqualTo(1);
      socket.setSoLinger(true, 0); // close with a reset, as a client that crashes
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> permits.running() == 0);
    // the full share again, and not one more
    int share = config.export().maxPerConsortium();
    assertThat(share).isEqualTo(3);
    List<ExportPermits.Permit> held = new ArrayList<>();
    try {
      for (int i = 0; i < share; i++) {
        held.add(permits.acquire(CONSORTIUM));
      }
      assertThatThrownBy(() -> permits.acquire(CONSORTIUM))
          .isInstanceOf(ProblemException.class)
          .extracting(e -> ((ProblemException) e).type())
          .isEqualTo(ProblemType.TOO_MANY_REQUESTS);
    } finally {
      held.forEach(ExportPermits.Permit::close);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> openExportCursors() == 0);
  }

  /** A trial of 30 000 results, ~12 MB as NDJSON: more than the socket buffers hold. */
  private String largeTrial() {
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
    return trial;
  }

  private static void requestExport(Socket socket, String trial) throws IOException {
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
