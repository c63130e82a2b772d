package org.psybiome.trial.service.imports;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Codes for interventions that a registry names only: the name in upper case, accents dropped, runs
 * of other characters as one underscore, at most 32 characters (Intervention.CODE), made unique
 * within the trial by a suffix (_2, _3...).
 */
final class InterventionCodes {

  private static final int MAX = 32;

  private final Set<String> taken = new HashSet<>();

  /** A new code for {@code name}, different from all given before. */
  String codeFor(String name) {
    String base =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toUpperCase(Locale.ROOT)
            .replaceAll("[^A-Z0-9-]+", "_");
    base = trim(base.length() > MAX ? base.substring(0, MAX) : base);
    if (base.isEmpty()) {
      base = "INTERVENTION";
    }
    String code = base;
    for (int n = 2; !taken.add(code); n++) {
      String suffix = "_" + n;
      code = trim(base.substring(0, Math.min(base.length(), MAX - suffix.length()))) + suffix;
    }
    return code;
  }

  // a code starts with a letter or digit and reads better without a dangling separator
  private static String trim(String code) {
    return code.replaceAll("^[_-]+", "").replaceAll("[_-]+$", "");
  }
}
