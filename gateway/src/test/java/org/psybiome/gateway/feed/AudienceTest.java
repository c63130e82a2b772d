package org.psybiome.gateway.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.psybiome.common.security.Roles;
import org.psybiome.gateway.edge.VerifiedCaller;

/** Who sees which event type, and which topics the feed may read at all. */
class AudienceTest {

  private static VerifiedCaller caller(String role, String consortium) {
    return new VerifiedCaller(role + "@" + consortium, Set.of(role), Optional.of(consortium));
  }

  @Test
  void publicRecordEventsAreForEveryone() {
    for (String type :
        List.of(
            "org.psybiome.trial.registered.v1",
            "org.psybiome.trial.updated.v1",
            "org.psybiome.trial.status-changed.v1",
            "org.psybiome.trial.unblinded.v1")) {
      assertEquals(Audience.PUBLIC, Audience.of(type), type);
      assertTrue(Audience.of(type).admits(VerifiedCaller.ANONYMOUS, null));
    }
  }

  @Test
  void biomarkerAndUnknownEventsAreForTheTrialsConsortiumReadersOnly() {
    for (String type :
        List.of(
            "org.psybiome.biomarker.batch-ingested.v1",
            "org.psybiome.biomarker.result-corrected.v1",
            "org.psybiome.trial.something-new.v1")) {
      Audience audience = Audience.of(type);
      assertEquals(Audience.CONSORTIUM, audience, type);
      assertTrue(audience.admits(caller(Roles.READER, "MINDGUT"), "MINDGUT"));
      assertTrue(audience.admits(caller(Roles.STATISTICIAN, "MINDGUT"), "MINDGUT"));
      assertFalse(audience.admits(caller(Roles.READER, "OTHER"), "MINDGUT"));
      assertFalse(audience.admits(caller(Roles.CURATOR, "MINDGUT"), "MINDGUT"));
      assertFalse(audience.admits(VerifiedCaller.ANONYMOUS, "MINDGUT"));
      // owner unknown: shown to no one
      assertFalse(audience.admits(caller(Roles.READER, "MINDGUT"), null));
    }
  }

  @Test
  void allocationsAreForNoOne() {
    Audience audience = Audience.of("org.psybiome.trial.participant-enrolled.v1");
    assertEquals(Audience.NEVER, audience);
    assertFalse(audience.admits(caller(Roles.STATISTICIAN, "MINDGUT"), "MINDGUT"));
  }

  @Test
  void theAllocationsTopicCannotBeConfigured() {
    assertThrows(
        IllegalArgumentException.class,
        () -> FeedTopics.checked(List.of("psybiome.trial.events", "psybiome.trial.allocations")));
    assertEquals(
        List.of("psybiome.trial.events"), FeedTopics.checked(List.of("psybiome.trial.events")));
  }
}
