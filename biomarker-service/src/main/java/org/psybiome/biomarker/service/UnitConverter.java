package org.psybiome.biomarker.service;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.psybiome.biomarker.model.Analyte;

/**
 * Brings a reported value into its analyte's standard unit: UCUM for commensurable units (mg/dL to
 * mg/L), and the analyte's molar mass between mass and molar concentrations (cortisol 1 ug/dL =
 * 27.59 nmol/L). Units that only a convention relates are refused, not guessed: international units
 * against anything but international units (insulin uIU/mL and pmol/L), and percentages against
 * amount fractions (HbA1c % and mmol/mol).
 */
@Singleton
public class UnitConverter {

  /** Division by a molar mass is the only inexact step; 16 significant digits are plenty. */
  private static final MathContext PRECISION = MathContext.DECIMAL64;

  private static final Pattern ANNOTATION = Pattern.compile("\\{[^}]*}");

  /** A ratio of amounts of substance, e.g. mmol/mol. */
  private static final Pattern AMOUNT_FRACTION = Pattern.compile("[a-zA-Z]?mol/[a-zA-Z]?mol");

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
    if (from.equals(analyte.unit())) {
      return new StandardValue(value, analyte.unit());
    }
    // Parsing UCUM expressions for every row of a 100 000-row batch is needless: a batch repeats a
    // handful of (analyte, unit) pairs, so each pair's conversion is worked out once.
    if (conversions.size() > MAX_CACHED) {
      conversions.clear(); // bounded: units are client input
    }
    Conversion conversion =
        conversions.computeIfAbsent(
            new ConversionKey(analyte.code(), analyte.unit(), analyte.molarMass(), unit),
            key -> conversion(analyte, unit));
    if (conversion.error() != null) {
      throw new UnitConversionException(conversion.error());
    }
    return conversion.apply(value, analyte.unit());
  }

  private record ConversionKey(String analyte, String to, BigDecimal molarMass, String unit) {}

  /** value × multiplier (÷ divisor, if any), or why the unit does not convert. */
  private record Conversion(BigDecimal multiplier, BigDecimal divisor, String error) {

    StandardValue apply(BigDecimal value, String unit) {
      BigDecimal result = value.multiply(multiplier);
      if (divisor != null) {
        result = result.divide(divisor, PRECISION);
      }
      return standard(result, unit);
    }
  }

  private static final int MAX_CACHED = 10_000;
  private final Map<ConversionKey, Conversion> conversions = new ConcurrentHashMap<>();

  private Conversion conversion(Analyte analyte, String unit) {
    try {
      return convert(analyte, unit);
    } catch (UnitConversionException e) {
      return new Conversion(null, null, e.getMessage());
    }
  }

  private Conversion convert(Analyte analyte, String unit) {
    String from = ucumSpelling(unit);
    String to = analyte.unit();
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
    if (!units.arbitraryUnitsIn(from).equals(units.arbitraryUnitsIn(to))) {
      // International units are defined by an assay, not by an amount: insulin's 6.0 pmol per
      // uIU is a convention of the labs, which UCUM (rightly) does not know.
      throw cannotConvert(analyte, unit);
    }
    if (AMOUNT_FRACTION.matcher(stripAnnotations(from)).matches()
        != AMOUNT_FRACTION.matcher(stripAnnotations(to)).matches()) {
      // To UCUM % and mmol/mol are both pure numbers (1 % = 10 mmol/mol). HbA1c, the analyte
      // reported in both, is not: NGSP % and IFCC mmol/mol are separate calibrations, related by
      // IFCC = 10.929 x (NGSP - 2.15), so 6.5 % is 48 mmol/mol, not 65.
      throw cannotConvert(analyte, unit);
    }
    if (units.comparable(from, to)) {
      return new Conversion(units.factor(from, to), null, null);
    }
    BigDecimal molarMass = analyte.molarMass();
    if (molarMass != null) {
      // mass / molar mass = amount of substance: (ug/dL) / (g/mol) is (ug/dL).mol/g
      String asMolar = "(" + from + ").mol/g";
      if (units.comparable(asMolar, to)) {
        return new Conversion(units.factor(asMolar, to), molarMass, null);
      }
      String asMass = "(" + from + ").g/mol";
      if (units.comparable(asMass, to)) {
        return new Conversion(molarMass.multiply(units.factor(asMass, to)), null, null);
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

  private static String stripAnnotations(String unit) {
    return ANNOTATION.matcher(unit).replaceAll("");
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
