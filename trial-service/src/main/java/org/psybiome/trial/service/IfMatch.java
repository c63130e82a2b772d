package org.psybiome.trial.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;

/** Optimistic concurrency on trials: ETag is the version; writes must name the one they read. */
public final class IfMatch {

  private static final Pattern STRONG_TAG = Pattern.compile("\\s*\"(\\d{1,9})\"\\s*");

  private IfMatch() {}

  public static String etag(int version) {
    return "\"" + version + "\"";
  }

  /** Checks the header against the current version: 428 without it, 412 when stale. */
  static void check(String header, String trialId, int currentVersion) {
    if (header == null || header.isBlank()) {
      throw new ProblemException(
          ProblemType.PRECONDITION_REQUIRED,
          "Send If-Match with the ETag of the version of " + trialId + " you are changing");
    }
    for (String candidate : header.split(",")) {
      Matcher m = STRONG_TAG.matcher(candidate);
      if (m.matches() && Integer.parseInt(m.group(1)) == currentVersion) {
        return;
      }
    }
    throw new ProblemException(
        ProblemType.PRECONDITION_FAILED,
        trialId + " is at version " + currentVersion + "; read it again and reapply your change",
        java.util.List.of(),
        java.util.Map.of("ETag", etag(currentVersion)));
  }
}
