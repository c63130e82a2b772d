package org.psybiome.trial.service.registries;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.psybiome.trial.model.SecondaryRegistry;

/**
 * The identifier format of each registry that Psybiome cross-references: a secondary id (TRDS item
 * 3) that does not have its registry's format is refused. OTHER registries are not checked.
 */
public final class SecondaryIdFormats {

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
    put(
        SecondaryRegistry.UTN,
        "U\\d{4}-\\d{4}-\\d{4}",
        "U1111-NNNN-NNNN (WHO Universal Trial Number)");
    put(SecondaryRegistry.CTRI, "CTRI/\\d{4}/\\d{2,3}/\\d{6}", "CTRI/YYYY/MM/NNNNNN");
    put(SecondaryRegistry.JRCT, "jRCT[a-z]?\\d{10}", "jRCT, an optional letter and 10 digits");
    put(SecondaryRegistry.UMIN, "UMIN\\d{9}", "UMIN followed by 9 digits");
    put(SecondaryRegistry.KCT, "KCT\\d{7}", "KCT followed by 7 digits");
    put(SecondaryRegistry.PACTR, "PACTR\\d{15}", "PACTR followed by 15 digits");
    put(
        SecondaryRegistry.NL,
        "NL\\d{1,5}|NTR\\d{1,5}|NL-OMON\\d{1,6}",
        "NLnnnn, NTRnnnn or NL-OMONnnnnn");
    put(SecondaryRegistry.REBEC, "RBR-[0-9a-z]{6,8}", "RBR- and 6 to 8 letters or digits");
    put(SecondaryRegistry.RPCEC, "RPCEC\\d{8}", "RPCEC followed by 8 digits");
    put(SecondaryRegistry.SLCTR, "SLCTR/\\d{4}/\\d{3}", "SLCTR/YYYY/NNN");
    put(SecondaryRegistry.TCTR, "TCTR\\d{11}", "TCTR followed by 11 digits");
    put(SecondaryRegistry.LBCTR, "LBCTR\\d{10}", "LBCTR followed by 10 digits");
    put(SecondaryRegistry.ITMCTR, "ITMCTR\\d{10,13}", "ITMCTR followed by 10 to 13 digits");
    put(SecondaryRegistry.REPEC, "PER-\\d{3}-\\d{2}", "PER-NNN-YY");
  }

  private SecondaryIdFormats() {}

  private static void put(SecondaryRegistry registry, String regex, String description) {
    FORMATS.put(registry, new Format(Pattern.compile(regex), description));
  }

  /** Why {@code value} is not an id of {@code registry}, or empty when it is. */
  public static Optional<String> problem(SecondaryRegistry registry, String value) {
    Format format = FORMATS.get(registry);
    if (format == null || format.pattern().matcher(value).matches()) {
      return Optional.empty();
    }
    return Optional.of("must be a " + registry + " id: " + format.description());
  }

  /** The form under which uniqueness is checked: registries compare case-insensitively. */
  public static String normalise(String value) {
    return value.trim().toUpperCase(java.util.Locale.ROOT);
  }

  /**
   * The namespace a secondary id is unique in: its registry, and for OTHER ids also their issuer,
   * so that two sponsors' internal codes do not collide.
   */
  public static String namespace(SecondaryRegistry registry, String issuer) {
    if (registry != SecondaryRegistry.OTHER) {
      return registry.name();
    }
    return issuer == null || issuer.isBlank()
        ? "OTHER"
        : "OTHER:" + issuer.trim().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
  }

  /** The registry whose format {@code value} has, if any: to type ids a source gives untyped. */
  public static Optional<SecondaryRegistry> recognise(String value) {
    String trimmed = value.trim();
    return FORMATS.entrySet().stream()
        .filter(e -> e.getValue().pattern().matcher(trimmed).matches())
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
