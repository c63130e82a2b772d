package org.psybiome.gateway.feed;

import java.util.Set;
import org.psybiome.common.security.Roles;
import org.psybiome.gateway.edge.VerifiedCaller;

/**
 * Who may see an event on the feed, decided by its type. The API's access rule: registered trials
 * are public, everything else needs a token, and a consortium's data is shown to no other
 * consortium.
 */
enum Audience {
  /** Facts of the public record of a registered trial: anyone, anonymous callers included. */
  PUBLIC,
  /**
   * The trial's own consortium: its pipeline, readers and statisticians, the roles that may read
   * its results in biomarker-service.
   */
  CONSORTIUM,
  /** Never shown: allocations carry the arms of blinded trials. */
  NEVER;

  private static final Set<String> PUBLIC_TYPES =
      Set.of(
          "org.psybiome.trial.registered.v1",
          "org.psybiome.trial.updated.v1",
          "org.psybiome.trial.status-changed.v1",
          "org.psybiome.trial.unblinded.v1");

  private static final Set<String> CONSORTIUM_ROLES =
      Set.of(Roles.PIPELINE, Roles.READER, Roles.STATISTICIAN, Roles.BLINDED_STATISTICIAN);

  /**
   * The audience of an event type. Types not known here (new ones, biomarker events) go to the
   * consortium only: a new kind of event is not made public by accident.
   */
  static Audience of(String type) {
    if (type == null || type.isBlank()) {
      return NEVER;
    }
    if (PUBLIC_TYPES.contains(type)) {
      return PUBLIC;
    }
    if (type.startsWith("org.psybiome.trial.participant-")) {
      return NEVER;
    }
    return CONSORTIUM;
  }

  /** Whether {@code caller} may see an event of this audience about a trial of {@code owner}. */
  boolean admits(VerifiedCaller caller, String owner) {
    return switch (this) {
      case PUBLIC -> true;
      case NEVER -> false;
      case CONSORTIUM ->
          owner != null && CONSORTIUM_ROLES.stream().anyMatch(role -> caller.actsFor(owner, role));
    };
  }
}
