package org.psybiome.biomarker.service;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;

/**
 * The UCUM definitions (the ucum-essence.xml shipped in the org.fhir:ucum jar), loaded once: they
 * take a moment to parse and the service is read-only afterwards.
 */
@Singleton
public class UcumUnits {

  private static final String ESSENCE = "/ucum-essence.xml";

  /** An atom in square brackets, e.g. [IU] in u[IU]/mL; every arbitrary unit of UCUM is one. */
  private static final Pattern BRACKETED_ATOM = Pattern.compile("\\[[^\\]]*]");

  private static final Pattern ANNOTATION = Pattern.compile("\\{[^}]*}");

  private final UcumEssenceService ucum;

  /** Arbitrary unit code to the code it is defined as ([IU] is 1 [iU]), or to itself. */
  private final Map<String, String> arbitraryUnits;

  public UcumUnits() {
    try (InputStream essence = UcumEssenceService.class.getResourceAsStream(ESSENCE)) {
      if (essence == null) {
        throw new IllegalStateException("ucum-essence.xml is missing from the org.fhir:ucum jar");
      }
      ucum = new UcumEssenceService(essence);
    } catch (IOException | UcumException e) {
      throw new IllegalStateException("Cannot load the UCUM definitions", e);
    }
    arbitraryUnits = readArbitraryUnits();
  }

  /** Why {@code unit} is not a UCUM unit, or empty when it is one. */
  public Optional<String> problemWith(String unit) {
    if (unit == null || unit.isBlank()) {
      return Optional.of("must be a UCUM unit");
    }
    String problem = ucum.validate(unit);
    return problem == null ? Optional.empty() : Optional.of(problem);
  }

  /** Whether values in {@code from} can be expressed in {@code to} (same canonical dimension). */
  boolean comparable(String from, String to) {
    try {
      return ucum.isComparable(from, to);
    } catch (UcumException e) {
      return false;
    }
  }

  /**
   * The arbitrary units (international units, [arb'U], [CFU], ...) that {@code unit} is made of, by
   * the code they are defined as, so that u[IU]/mL and m[iU]/L both give [iU].
   *
   * <p>UCUM defines an arbitrary unit by the assay that measures it alone: no factor relates it to
   * any other unit. The org.fhir:ucum service does not keep that flag and treats them as plain
   * numbers, and it counts moles as numbers too (1 mol = 6.022e23), so to it u[IU]/mL and pmol/L
   * are comparable (1 u[IU]/mL = 1.66e-15 pmol/L). Callers compare these sets first.
   */
  public Set<String> arbitraryUnitsIn(String unit) {
    Set<String> found = new TreeSet<>();
    Matcher atoms = BRACKETED_ATOM.matcher(ANNOTATION.matcher(unit).replaceAll(""));
    while (atoms.find()) {
      String code = arbitraryUnits.get(atoms.group());
      if (code != null) {
        found.add(code);
      }
    }
    return found;
  }

  /** The isArbitrary="yes" units of the essence file, which UcumEssenceService does not expose. */
  private static Map<String, String> readArbitraryUnits() {
    Map<String, String> definedAs = new HashMap<>();
    try (InputStream essence = UcumEssenceService.class.getResourceAsStream(ESSENCE)) {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      XMLStreamReader xml = factory.createXMLStreamReader(essence);
      String current = null;
      while (xml.hasNext()) {
        if (xml.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (xml.getLocalName().equals("unit")) {
          current =
              "yes".equals(xml.getAttributeValue(null, "isArbitrary"))
                  ? xml.getAttributeValue(null, "Code")
                  : null;
        } else if (current != null && xml.getLocalName().equals("value")) {
          definedAs.put(current, xml.getAttributeValue(null, "Unit"));
        }
      }
      xml.close();
    } catch (IOException | XMLStreamException e) {
      throw new IllegalStateException("Cannot read the arbitrary units of UCUM", e);
    }
    Map<String, String> canonical = new HashMap<>();
    definedAs.forEach(
        (code, unit) -> canonical.put(code, definedAs.containsKey(unit) ? unit : code));
    if (!canonical.containsKey("[IU]")) {
      throw new IllegalStateException("ucum-essence.xml lists no arbitrary units");
    }
    return Collections.unmodifiableMap(canonical);
  }

  /**
   * How many {@code to} one {@code from} is. Conversions between prefixed units are exact decimal
   * factors (1 mg/dL = 10 mg/L), so multiplying by the factor loses nothing.
   */
  BigDecimal factor(String from, String to) {
    try {
      return new BigDecimal(ucum.convert(new Decimal(1), from, to).asDecimal());
    } catch (UcumException e) {
      throw new IllegalArgumentException(
          "Cannot convert " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }
}
