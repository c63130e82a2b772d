package org.psybiome.biomarker.service;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.psybiome.biomarker.model.Analyte;

/**
 * Brings a reported value into its analyte's standard unit: UCUM for commensurable units (mg/dL to
 * mg/L), and the analyte's molar mass between mass and molar concentrations (cortisol 1 ug/dL =
 * 27.59 nmol/L).
 */
@Singleton
public class UnitConverter {

  /** Division by a molar mass is the only inexact step; 16 significant digits are plenty. */
  private static final MathContext PRECISION = MathContext.DECIMAL64;

  private static final Pattern ANNOTATION = Pattern.compile("\\{[^}]*}");

  private final UcumUnits units;

  public UnitConverter(UcumUnits units) {
    this.units = units;
  }

  /**
   * @throws UnitConversionException if {@code unit} is not UCUM or cannot express the analyte
   */
  public StandardValue toStandard(Analyte analyte, BigDecimal value, String unit) {
    Objects.requireNonNull(value, "value");
    String from = ucumSpelling(unit);
    String to = analyte.unit();
    if (from.equals(to)) {
      return new StandardValue(value, to);
    }
    units
        .problemWith(from)
        .ifPresent(
            problem -> {
              throw new UnitConversionException("'" + unit + "' is not a UCUM unit: " + problem);
            });
    if (!annotations(from).equals(annotations(to))) {
      // UCUM ignores {annotations}: to it {score} is 1 and so is 100 %. They are not the same.
      throw cannotConvert(analyte, unit);
    }
    if (units.comparable(from, to)) {
      return standard(value.multiply(units.factor(from, to)), to);
    }
    BigDecimal molarMass = analyte.molarMass();
    if (molarMass != null) {
      // mass / molar mass = amount of substance: (ug/dL) / (g/mol) is (ug/dL).mol/g
      String asMolar = "(" + from + ").mol/g";
      if (units.comparable(asMolar, to)) {
        return standard(value.multiply(units.factor(asMolar, to)).divide(molarMass, PRECISION), to);
      }
      String asMass = "(" + from + ").g/mol";
      if (units.comparable(asMass, to)) {
        return standard(value.multiply(molarMass).multiply(units.factor(asMass, to)), to);
      }
    }
    throw cannotConvert(analyte, unit);
  }

  private static StandardValue standard(BigDecimal value, String unit) {
    return new StandardValue(value.round(PRECISION).stripTrailingZeros(), unit);
  }

  /** Labs write the micro sign; UCUM's case-sensitive code for micro is u. */
  static String ucumSpelling(String unit) {
    if (unit == null || unit.isBlank()) {
      throw new UnitConversionException("A unit is required");
    }
    return unit.strip().replace('\u00B5', 'u').replace('\u03BC', 'u');
  }

  private static List<String> annotations(String unit) {
    Matcher matcher = ANNOTATION.matcher(unit);
    return matcher.results().map(m -> m.group().toLowerCase()).sorted().toList();
  }

  private static UnitConversionException cannotConvert(Analyte analyte, String unit) {
    String how =
        analyte.molarMass() == null
            ? ""
            : " (nor through its molar mass " + analyte.molarMass().toPlainString() + " g/mol)";
    return new UnitConversionException(
        String.format(
            "%s cannot be converted from %s to its standard unit %s%s",
            analyte.code(), unit, analyte.unit(), how));
  }
}
