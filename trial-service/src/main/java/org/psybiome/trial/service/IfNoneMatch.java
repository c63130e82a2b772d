package org.psybiome.trial.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conditional reads of a trial (RFC 9110 §13.1.2): If-None-Match is "*" or a list of entity tags,
 * compared with the current ETag (the version, {@link IfMatch#etag}) by the weak comparison of
 * §8.8.3.2, so W/"3" matches "3". A header that matches answers 304 without a body; one that does
 * not parse matches nothing, and the trial is sent as without the header.
 */
public final class IfNoneMatch {

  /** entity-tag = [ weak ] opaque-tag; opaque-tag = DQUOTE *etagc DQUOTE (§8.8.3). */
  private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*(,|$)");

  private IfNoneMatch() {}

  /** True when the header names the current version (or is "*": the trial exists). */
  public static boolean matches(String header, int currentVersion) {
    if (header == null || header.isBlank()) {
      return false;
    }
    if (header.trim().equals("*")) {
      return true;
    }
    String current = Integer.toString(currentVersion);
    Matcher m = TAG.matcher(header);
    int at = 0;
    while (at < header.length() && m.find(at) && m.start() == at) {
      if (m.group(2).equals(current)) {
        return true;
      }
      at = m.end();
    }
    return false;
  }
}
