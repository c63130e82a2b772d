package org.psybiome.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.LateBoundSpanProcessor;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.RemoveableLateBoundSpanProcessor;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * W3C trace context through a service (OpenTelemetry from service-common): a caller's {@code
 * traceparent} is continued, and its trace id is in the log context of what the request logs.
 */
@QuarkusTest
class TraceContextTest {

  // An example from the W3C Trace Context recommendation, section 3.2 (traceparent header).
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_ID = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";

  private final List<ExtLogRecord> records = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record instanceof ExtLogRecord ext
              && TraceProbeResource.LOG_LINE.equals(ext.getMessage())) {
            ext.copyMdc(); // read the log context now, on the thread that logged
            synchronized (records) {
              records.add(ext);
            }
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private final Logger probeLogger = Logger.getLogger(TraceProbeResource.class.getName());

  @BeforeEach
  void captureProbeLog() {
    probeLogger.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    probeLogger.removeHandler(capture);
  }

  @Test
  void aCallersTraceIsContinuedAndInTheLogContext() {
    Map<String, String> seen =
        given()
            .header("traceparent", TRACEPARENT)
            .get("/probe/trace")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("");

    assertThat(seen.get("traceId")).isEqualTo(TRACE_ID);
    // The server span is a child of the caller's span: same trace, a span id of its own.
    assertThat(seen.get("spanId")).matches("[0-9a-f]{16}").isNotEqualTo(PARENT_ID);

    assertThat(records).hasSize(1);
    assertThat(records.get(0).getMdc("traceId")).isEqualTo(TRACE_ID);
    assertThat(records.get(0).getMdc("spanId")).isEqualTo(seen.get("spanId"));
  }

  @Test
  void aRequestWithoutTraceparentStartsATraceOfItsOwn() {
    String traceId =
        given().get("/probe/trace").then().statusCode(200).extract().jsonPath().get("traceId");

    assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    assertThat(records).hasSize(1);
    assertThat(records.get(0).getMdc("traceId")).isEqualTo(traceId);
  }

  @Test
  void theSharedLogFormatPrintsTraceAndSpanIds() {
    assertThat(ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class))
        .contains("%X{traceId}", "%X{spanId}", "%X{correlationId}");
  }

  @Test
  void withoutACollectorConfiguredNoSpanExporterIsInstalled() {
    // With an OTLP endpoint (PSYBIOME_OTLP_ENDPOINT) this is a batch processor exporting to it.
    assertThat(Arc.container().select(LateBoundSpanProcessor.class).get())
        .isSameAs(RemoveableLateBoundSpanProcessor.INSTANCE);
  }
}
