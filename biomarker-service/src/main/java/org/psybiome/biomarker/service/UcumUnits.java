package org.psybiome.biomarker.service;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Optional;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;

/**
 * The UCUM definitions (the ucum-essence.xml shipped in the org.fhir:ucum jar), loaded once: they
 * take a moment to parse and the service is read-only afterwards.
 */
@Singleton
public class UcumUnits {

  private final UcumEssenceService ucum;

  public UcumUnits() {
    try (InputStream essence = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
      if (essence == null) {
        throw new IllegalStateException("ucum-essence.xml is missing from the org.fhir:ucum jar");
      }
      ucum = new UcumEssenceService(essence);
    } catch (IOException | UcumException e) {
      throw new IllegalStateException("Cannot load the UCUM definitions", e);
    }
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
