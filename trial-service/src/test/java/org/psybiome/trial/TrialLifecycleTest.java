package org.psybiome.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.trial.TrialApi.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.psybiome.trial.model.TrialStatus;
import org.psybiome.trial.service.TrialLifecycle;

/**
 * Every refused transition, through the API: a trial is brought to each status (with and without
 * participants where that matters) and every status it may not go to is tried; each is a 409 naming
 * the allowed ones, and the trial is unchanged.
 */
@QuarkusTest
class TrialLifecycleTest {

  /** How to reach each status from a fresh draft. */
  private static List<String> pathTo(TrialStatus status) {
    return switch (status) {
      case DRAFT -> List.of();
      case NOT_YET_RECRUITING -> List.of("NOT_YET_RECRUITING");
      case RECRUITING -> List.of("RECRUITING");
      case ENROLLING_BY_INVITATION -> List.of("ENROLLING_BY_INVITATION");
      case ACTIVE_NOT_RECRUITING -> List.of("RECRUITING", "+enrol", "ACTIVE_NOT_RECRUITING");
      case SUSPENDED -> List.of("RECRUITING", "+enrol", "SUSPENDED");
      case COMPLETED -> List.of("RECRUITING", "+enrol", "COMPLETED");
      case TERMINATED -> List.of("RECRUITING", "+enrol", "TERMINATED");
      case WITHDRAWN -> List.of("NOT_YET_RECRUITING", "WITHDRAWN");
      case UNKNOWN -> throw new IllegalArgumentException("only an import sets UNKNOWN");
    };
  }

  @ParameterizedTest
  @EnumSource(value = TrialStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
  void everyTransitionNotAllowedFromAStatusIsRefused(TrialStatus from) {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.DIET));
    String etag = draft.etag();
    boolean enrolled = false;
    TrialStatus previous = TrialStatus.DRAFT;
    TrialStatus current = TrialStatus.DRAFT;
    for (String step : pathTo(from)) {
      if (step.equals("+enrol")) {
        TrialApi.enrol(draft.id(), "P-" + from.ordinal() + "-001", "Usual diet")
            .then()
            .statusCode(201);
        enrolled = true;
      } else {
        etag = TrialApi.moveTo(draft.id(), etag, step);
        previous = current;
        current = TrialStatus.valueOf(step);
      }
    }
    Set<TrialStatus> allowed =
        TrialLifecycle.allowedFrom(
            from, from == TrialStatus.SUSPENDED ? previous : null, enrolled ? 1 : 0);
    List<TrialStatus> refused =
        new ArrayList<>(EnumSet.complementOf(EnumSet.copyOf(withSelf(allowed, from))));
    refused.add(from); // a status never "changes" to itself
    for (TrialStatus target : refused) {
      TrialApi.changeStatus(draft.id(), etag, target.name(), "testing refusal")
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("detail", containsString("cannot go from " + from + " to " + target))
          .body("detail", containsString("allowed"));
    }
    as("registrant")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .body("status", equalTo(from.name()))
        .header("ETag", etag);
    assertThat(refused).isNotEmpty();
  }

  private static Set<TrialStatus> withSelf(Set<TrialStatus> allowed, TrialStatus self) {
    Set<TrialStatus> set = EnumSet.noneOf(TrialStatus.class);
    set.addAll(allowed);
    set.add(self);
    return set;
  }

  @org.junit.jupiter.api.Test
  void unknownLeadsToWhateverTheRegistrantConfirmsAndNothingLeadsToIt() {
    assertThat(TrialLifecycle.allowedFrom(TrialStatus.UNKNOWN, null, 5))
        .containsExactlyInAnyOrder(
            TrialStatus.RECRUITING,
            TrialStatus.NOT_YET_RECRUITING,
            TrialStatus.ENROLLING_BY_INVITATION,
            TrialStatus.ACTIVE_NOT_RECRUITING,
            TrialStatus.SUSPENDED,
            TrialStatus.COMPLETED,
            TrialStatus.TERMINATED);
    assertThat(TrialLifecycle.allowedFrom(TrialStatus.UNKNOWN, null, 0))
        .contains(TrialStatus.WITHDRAWN)
        .doesNotContain(TrialStatus.COMPLETED, TrialStatus.TERMINATED);
    for (TrialStatus from : TrialStatus.values()) {
      assertThat(TrialLifecycle.allowedFrom(from, TrialStatus.RECRUITING, 1))
          .as(from.name())
          .doesNotContain(TrialStatus.UNKNOWN, TrialStatus.DRAFT);
    }
  }

  @org.junit.jupiter.api.Test
  void theLifecycleRules() {
    // terminal states go nowhere
    for (TrialStatus terminal :
        List.of(TrialStatus.COMPLETED, TrialStatus.TERMINATED, TrialStatus.WITHDRAWN)) {
      assertThat(TrialLifecycle.allowedFrom(terminal, null, 3)).isEmpty();
    }
    // no going back
    assertThat(TrialLifecycle.allowedFrom(TrialStatus.ACTIVE_NOT_RECRUITING, null, 5))
        .doesNotContain(TrialStatus.RECRUITING, TrialStatus.NOT_YET_RECRUITING, TrialStatus.DRAFT);
    // WITHDRAWN only before the first enrolment; TERMINATED only after
    assertThat(TrialLifecycle.allowedFrom(TrialStatus.RECRUITING, null, 0))
        .contains(TrialStatus.WITHDRAWN)
        .doesNotContain(TrialStatus.TERMINATED);
    assertThat(TrialLifecycle.allowedFrom(TrialStatus.RECRUITING, null, 1))
        .contains(TrialStatus.TERMINATED)
        .doesNotContain(TrialStatus.WITHDRAWN);
    // SUSPENDED resumes, but not earlier than where it stopped
    assertThat(
            TrialLifecycle.allowedFrom(TrialStatus.SUSPENDED, TrialStatus.ACTIVE_NOT_RECRUITING, 4))
        .contains(TrialStatus.ACTIVE_NOT_RECRUITING, TrialStatus.TERMINATED)
        .doesNotContain(TrialStatus.RECRUITING);
    assertThat(TrialLifecycle.allowedFrom(TrialStatus.SUSPENDED, TrialStatus.RECRUITING, 4))
        .contains(TrialStatus.RECRUITING, TrialStatus.ENROLLING_BY_INVITATION);
  }
}
