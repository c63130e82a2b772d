package org.psybiome.trial.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.psybiome.trial.model.SecondaryRegistry;

/**
 * The identifier format of each registry that Psybiome cross-references: a secondary id (TRDS item
 * 3) that does not have its registry's format is refused. OTHER registries are not checked.
 */
final class SecondaryIdFormats {

  private record Format(Pattern pattern, String description) {}

  private static final Map<SecondaryRegistry, Format> FORMATS =
      new EnumMap<>(SecondaryRegistry.class);

  static {
    put(SecondaryRegistry.NCT, "NCT\\d{8}", "NCT followed by 8 digits");
    put(SecondaryRegistry.ISRCTN, "ISRCTN\\d{8}", "ISRCTN followed by 8 digits");
    put(SecondaryRegistry.ACTRN, "ACTRN\\d{14}", "ACTRN followed by 14 digits");
    put(SecondaryRegistry.EUDRACT, "\\d{4}-\\d{6}-\\d{2}", "YYYY-NNNNNN-CC");
    put(SecondaryRegistry.CTIS, "\\d{4}-5\\d{5}-\\d{2}-\\d{2}", "YYYY-5NNNNN-NN-NN");
    put(SecondaryRegistry.IRCT, "IRCT\\d{8,14}N\\d{1,3}", "IRCT, date and serial, N and a number");
    put(SecondaryRegistry.CHICTR, "ChiCTR(-[A-Z]{2,5}-)?\\d{8,10}", "ChiCTR followed by digits");
    put(SecondaryRegistry.DRKS, "DRKS\\d{8}", "DRKS followed by 8 digits");
  }

  private SecondaryIdFormats() {}

  private static void put(SecondaryRegistry registry, String regex, String description) {
    FORMATS.put(registry, new Format(Pattern.compile(regex), description));
  }

  /** Why {@code value} is not an id of {@code registry}, or empty when it is. */
  static Optional<String> problem(SecondaryRegistry registry, String value) {
    Format format = FORMATS.get(registry);
    if (format == null || format.pattern().matcher(value).matches()) {
      return Optional.empty();
    }
    return Optional.of("must be a " + registry + " id: " + format.description());
  }

  /** The form under which uniqueness is checked: registries compare case-insensitively. */
  static String normalise(String value) {
    return value.trim().toUpperCase(java.util.Locale.ROOT);
  }
}
