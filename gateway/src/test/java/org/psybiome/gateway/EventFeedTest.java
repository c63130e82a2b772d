package org.psybiome.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.psybiome.gateway.TestEvents.ALLOCATION_TOPIC;
import static org.psybiome.gateway.TestEvents.BATCH_INGESTED;
import static org.psybiome.gateway.TestEvents.BIOMARKER_TOPIC;
import static org.psybiome.gateway.TestEvents.ENROLLED;
import static org.psybiome.gateway.TestEvents.REGISTERED;
import static org.psybiome.gateway.TestEvents.STATUS_CHANGED;
import static org.psybiome.gateway.TestEvents.TRIAL_TOPIC;
import static org.psybiome.gateway.TestEvents.UNBLINDED;
import static org.psybiome.gateway.TestEvents.UPDATED;
import static org.psybiome.gateway.TestEvents.event;
import static org.psybiome.gateway.TestEvents.registered;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.common.security.Roles;
import org.psybiome.testsupport.TestTokens;

/**
 * The live event feed, fed from the run's real Kafka broker: what it sends, to whom, and how a
 * client resumes. Every test uses trials of its own, and publishes a marker after what must not be
 * shown, on the same partition, so absence is checked without waiting for time to pass.
 */
@QuarkusTest
class EventFeedTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final AtomicInteger TRIALS = new AtomicInteger();

  @TestHTTPResource("/api/v1/events")
  URL feed;

  private TestEvents events;

  @BeforeEach
  void producer() {
    events = new TestEvents();
  }

  @AfterEach
  void closeProducer() {
    events.close();
  }

  private static final int RUN = (int) Math.floorMod(System.nanoTime(), 9_000L) * 100;

  /** A trial id no other test (nor an earlier run against the same broker) uses. */
  private static String newTrial() {
    return String.format("PSB-2099-%06d", RUN + TRIALS.incrementAndGet());
  }

  private SseClient open(String query, Map<String, String> headers) throws Exception {
    return SseClient.open(URI.create(feed + (query.isEmpty() ? "" : "?" + query)), headers);
  }

  private static Map<String, String> bearer(String role, String consortium) {
    return Map.of("Authorization", "Bearer " + TestTokens.token(role, consortium));
  }

  private static boolean is(SseClient.Event event, JsonObject sent) {
    return new JsonObject(event.data()).getString("id").equals(sent.getString("id"));
  }

  private static List<String> ids(List<SseClient.Event> received) {
    return received.stream().map(e -> new JsonObject(e.data()).getString("id")).toList();
  }

  @Test
  void publishedEventArrivesWithPositionTypeAndCloudEvent() throws Exception {
    String trial = newTrial();
    try (SseClient client = open("trial=" + trial, Map.of())) {
      assertEquals(200, client.response.statusCode());
      assertTrue(
          client
              .response
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("text/event-stream"));
      JsonObject sent = events.publish(TRIAL_TOPIC, registered(trial, "MINDGUT"));

      SseClient.Event received = client.until(e -> is(e, sent), WAIT).get(0);

      assertEquals(REGISTERED, received.type());
      assertEquals(sent, new JsonObject(received.data()));
      assertTrue(received.id().contains(TRIAL_TOPIC + "="), received.id());
    }
  }

  @Test
  void filtersByTrialAndByTypes() throws Exception {
    String trial = newTrial();
    String other = newTrial();
    try (SseClient client =
        open("trial=" + trial + "&type=" + STATUS_CHANGED + "," + UNBLINDED, Map.of())) {
      events.publish(TRIAL_TOPIC, registered(trial, "MINDGUT"));
      events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, other));
      JsonObject wanted = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, trial));
      events.publish(TRIAL_TOPIC, event(UPDATED, trial));
      JsonObject last = events.publish(TRIAL_TOPIC, event(UNBLINDED, trial));

      List<SseClient.Event> received = client.until(e -> is(e, last), WAIT);

      assertEquals(List.of(wanted.getString("id"), last.getString("id")), ids(received));
    }
  }

  @Test
  void repeatedTrialParametersAreAllFollowed() throws Exception {
    String first = newTrial();
    String second = newTrial();
    try (SseClient client = open("trial=" + first + "&trial=" + second, Map.of())) {
      JsonObject one = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, first));
      events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, newTrial()));
      JsonObject two = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, second));

      assertEquals(
          List.of(one.getString("id"), two.getString("id")),
          ids(client.until(e -> is(e, two), WAIT)));
    }
  }

  @Test
  void allocationsAreNeverSentEvenToTheTrialsStatistician() throws Exception {
    String trial = newTrial();
    try (SseClient statistician = open("trial=" + trial, bearer(Roles.STATISTICIAN, "MINDGUT"))) {
      events.publish(TRIAL_TOPIC, registered(trial, "MINDGUT"));
      events.publish(ALLOCATION_TOPIC, event(ENROLLED, trial));
      // an allocation published to the wrong topic is not shown either
      events.publish(TRIAL_TOPIC, event(ENROLLED, trial));
      JsonObject marker = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, trial));

      List<SseClient.Event> received = statistician.until(e -> is(e, marker), WAIT);

      assertEquals(
          List.of(REGISTERED, STATUS_CHANGED),
          received.stream().map(SseClient.Event::type).toList());
    }
  }

  @Test
  void biomarkerEventsGoOnlyToTheTrialsConsortiumReaders() throws Exception {
    String trial = newTrial();
    // the owner is looked up at trial-service: the batch event names only the trial
    UpstreamStandIns.get("trial-service")
        .canned
        .put(
            "/api/v1/trials/" + trial,
            new UpstreamStandIns.Canned(
                200, new JsonObject().put("id", trial).put("consortium", "MINDGUT").encode(), 0));
    try (SseClient reader = open("trial=" + trial, bearer(Roles.READER, "MINDGUT"));
        SseClient pipeline = open("trial=" + trial, bearer(Roles.PIPELINE, "MINDGUT"));
        SseClient registrant = open("trial=" + trial, bearer(Roles.REGISTRANT, "MINDGUT"));
        SseClient foreign = open("trial=" + trial, bearer(Roles.READER, "OTHERCO"));
        SseClient anonymous = open("trial=" + trial, Map.of())) {
      JsonObject batch =
          events.publish(
              BIOMARKER_TOPIC,
              TestEvents.cloudEvent(
                  BATCH_INGESTED, trial, new JsonObject().put("trialId", trial).put("rows", 12)));
      // a public event on the same partition, after it
      JsonObject marker = events.publish(BIOMARKER_TOPIC, event(STATUS_CHANGED, trial));

      assertEquals(
          List.of(batch.getString("id"), marker.getString("id")),
          ids(reader.until(e -> is(e, marker), WAIT)));
      assertEquals(
          List.of(batch.getString("id"), marker.getString("id")),
          ids(pipeline.until(e -> is(e, marker), WAIT)));
      for (SseClient outsider : List.of(registrant, foreign, anonymous)) {
        assertEquals(
            List.of(marker.getString("id")), ids(outsider.until(e -> is(e, marker), WAIT)));
      }
    } finally {
      UpstreamStandIns.get("trial-service").canned.remove("/api/v1/trials/" + trial);
    }
  }

  @Test
  void resumingWithLastEventIdSendsExactlyWhatWasMissedOnEveryTopic() throws Exception {
    String trial = newTrial();
    String lastSeen;
    try (SseClient client = open("trial=" + trial, Map.of())) {
      JsonObject first = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, trial));
      lastSeen = client.until(e -> is(e, first), WAIT).get(0).id();
    }
    JsonObject second = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, trial));
    JsonObject third = events.publish(BIOMARKER_TOPIC, event(UPDATED, trial));

    try (SseClient resumed = open("trial=" + trial, Map.of("Last-Event-ID", lastSeen))) {
      JsonObject fourth = events.publish(TRIAL_TOPIC, event(UNBLINDED, trial));
      Set<String> missed =
          Set.of(second.getString("id"), third.getString("id"), fourth.getString("id"));
      Set<String> seen = new HashSet<>();
      List<SseClient.Event> received =
          resumed.until(
              e -> {
                seen.add(new JsonObject(e.data()).getString("id"));
                return seen.containsAll(missed);
              },
              WAIT);
      // the first is not sent again, and nothing twice (topics interleave in any order)
      assertEquals(3, received.size(), "received " + ids(received));
      assertEquals(missed, Set.copyOf(ids(received)));

      JsonObject fifth = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, trial));
      assertEquals(List.of(fifth.getString("id")), ids(resumed.until(e -> is(e, fifth), WAIT)));
    }
  }

  @Test
  void resumingFromFurtherBackThanTheBufferReadsTheMissedEventsFromKafka() throws Exception {
    String trial = newTrial();
    String busy = newTrial();
    String lastSeen;
    try (SseClient client = open("trial=" + trial, Map.of())) {
      JsonObject first = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, trial));
      lastSeen = client.until(e -> is(e, first), WAIT).get(0).id();
    }
    JsonObject second;
    JsonObject third;
    try (SseClient watcher = open("trial=" + trial, Map.of())) {
      second = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, trial));
      // more than the buffer holds in the tests (50): the first event leaves it
      for (int i = 0; i < 60; i++) {
        events.publish(TRIAL_TOPIC, event(UPDATED, busy));
      }
      third = events.publish(TRIAL_TOPIC, event(UNBLINDED, trial));
      // the feed has read them all, so the first is out of its buffer
      watcher.until(e -> is(e, third), WAIT);
    }

    try (SseClient resumed = open("trial=" + trial, Map.of("Last-Event-ID", lastSeen))) {
      List<SseClient.Event> caughtUp = resumed.until(e -> is(e, third), WAIT);
      assertEquals(List.of(second.getString("id"), third.getString("id")), ids(caughtUp));

      // and then it goes on live, without repeating anything
      JsonObject fourth = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, trial));
      assertEquals(List.of(fourth.getString("id")), ids(resumed.until(e -> is(e, fourth), WAIT)));
    }
  }

  @Test
  void aClientThatStopsReadingIsLetGoAndHoldsNoOneUp() throws Exception {
    String trial = newTrial();
    try (Socket stalled = new Socket()) {
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new InetSocketAddress(feed.getHost(), feed.getPort()), 5_000);
      stalled
          .getOutputStream()
          .write(
              ("GET /api/v1/events?trial=" + trial + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      // connected once the head and the first comment have come; from here on it reads nothing
      readUntil(stalled.getInputStream(), "psybiome event feed");

      try (SseClient reading = open("trial=" + trial, Map.of())) {
        String padding = "x".repeat(64 * 1024);
        // far more than the socket buffers and the ring (50 in the tests) hold
        for (int i = 0; i < 120; i++) {
          events.publish(
              TRIAL_TOPIC,
              TestEvents.cloudEvent(
                  UPDATED, trial, new JsonObject().put("trialId", trial).put("padding", padding)));
        }
        JsonObject marker = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, trial));
        assertEquals(121, reading.until(e -> is(e, marker), WAIT).size());
      }

      // the stalled client's stream was ended: what it was sent runs out into end of stream
      stalled.setSoTimeout((int) WAIT.toMillis());
      InputStream in = stalled.getInputStream();
      byte[] chunk = new byte[64 * 1024];
      while (in.read(chunk) >= 0) {
        // drain
      }
    }
  }

  private static void readUntil(InputStream in, String text) throws Exception {
    StringBuilder seen = new StringBuilder();
    int b;
    while (!seen.toString().contains(text) && (b = in.read()) >= 0) {
      seen.append((char) b);
    }
    assertTrue(seen.toString().contains(text), seen.toString());
  }

  @Test
  void idleStreamGetsHeartbeatComments() throws Exception {
    try (SseClient client = open("trial=" + newTrial(), Map.of())) {
      int atStart = client.comments.get();
      Eventually.await("a heartbeat", WAIT, () -> client.comments.get() > atStart);
    }
  }

  @Test
  void aLastEventIdTheFeedDidNotSendIsAProblem() {
    given()
        .header("Last-Event-ID", "not an id")
        .get("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400));
  }

  @Test
  void anUnknownQueryParameterIsAProblemRatherThanAnUnfilteredStream() {
    // "trail" for "trial": ignored, the client would get every event it may see
    given()
        .queryParam("trail", "T-1")
        .queryParam("type", "trial.registered")
        .get("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "detail",
            equalTo("Unknown query parameters [trail]; the feed takes trial and type only"));
  }

  @Test
  void anInvalidTokenIsRefusedAtTheEdge() {
    given()
        .header("Authorization", "Bearer " + TestTokens.expired(Roles.READER, "MINDGUT"))
        .get("/api/v1/events")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void noEventIsSentTwiceAfterALiveConnectionWasOpen() throws Exception {
    String trial = newTrial();
    try (SseClient client = open("trial=" + trial, Map.of())) {
      JsonObject a = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, trial));
      JsonObject b = events.publish(TRIAL_TOPIC, event(STATUS_CHANGED, trial));
      List<SseClient.Event> received = client.until(e -> is(e, b), WAIT);
      assertEquals(List.of(a.getString("id"), b.getString("id")), ids(received));
      assertFalse(received.get(0).id().equals(received.get(1).id()));
    }
  }
}
