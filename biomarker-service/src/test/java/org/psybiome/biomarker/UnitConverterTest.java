package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.OmicsLayer;
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.service.StandardValue;
import org.psybiome.biomarker.service.UcumUnits;
import org.psybiome.biomarker.service.UnitConversionException;
import org.psybiome.biomarker.service.UnitConverter;

/** Conversions to standard units; the expected values are worked out by hand in each test. */
class UnitConverterTest {

  private static final UnitConverter CONVERTER = new UnitConverter(new UcumUnits());

  private static final Analyte CORTISOL =
      analyte("CORTISOL_AM", OmicsLayer.ENDOCRINE, "nmol/L", "362.46");
  private static final Analyte HSCRP = analyte("HSCRP", OmicsLayer.IMMUNE, "mg/L", null);
  private static final Analyte IL6 = analyte("IL6", OmicsLayer.IMMUNE, "pg/mL", null);
  private static final Analyte TRYPTOPHAN =
      analyte("TRP", OmicsLayer.METABOLOMIC, "umol/L", "204.23");
  private static final Analyte HAMD17 =
      analyte("HAMD17", OmicsLayer.CLINICAL_SCALE, "{score}", null);

  @Test
  void cortisolMicrogramsPerDecilitreBecomeNanomolesPerLitre() {
    // 1 ug/dL = 10 ug/L = 10 000 ng/L; / 362.46 g/mol = 10 000 / 362.46 nmol/L = 27.589...
    BigDecimal expected =
        new BigDecimal("10000").divide(new BigDecimal("362.46"), MathContext.DECIMAL64);

    StandardValue standard = CONVERTER.toStandard(CORTISOL, BigDecimal.ONE, "µg/dL");

    assertThat(standard.unit()).isEqualTo("nmol/L");
    assertThat(standard.value()).isEqualByComparingTo(expected);
    assertThat(standard.value().setScale(2, java.math.RoundingMode.HALF_UP))
        .isEqualByComparingTo("27.59");
    // a typical morning value: 18.1 ug/dL = 181 000 ng/L / 362.46 g/mol
    assertThat(CONVERTER.toStandard(CORTISOL, new BigDecimal("18.1"), "ug/dL").value())
        .isEqualByComparingTo(
            new BigDecimal("181000").divide(new BigDecimal("362.46"), MathContext.DECIMAL64));
  }

  @Test
  void crpMilligramsPerDecilitreBecomeTenTimesAsManyMilligramsPerLitre() {
    // 1 dL = 0.1 L, so 1 mg/dL = 10 mg/L
    assertThat(CONVERTER.toStandard(HSCRP, BigDecimal.ONE, "mg/dL").value())
        .isEqualByComparingTo("10");
    assertThat(CONVERTER.toStandard(HSCRP, new BigDecimal("0.35"), "mg/dL").value())
        .isEqualByComparingTo("3.5");
  }

  @Test
  void il6NanogramsPerLitreArePicogramsPerMillilitre() {
    // 1 ng/L = 1e-9 g / 1 L = 1e-12 g / 1e-3 L = 1 pg/mL: the identity factor
    StandardValue standard = CONVERTER.toStandard(IL6, new BigDecimal("3.7"), "ng/L");
    assertThat(standard.value()).isEqualByComparingTo("3.7");
    assertThat(standard.unit()).isEqualTo("pg/mL");
  }

  @Test
  void tryptophanMilligramsPerLitreBecomeMicromolesPerLitre() {
    // 10.21 mg/L = 10 210 ug/L; / 204.23 g/mol = 10 210 / 204.23 umol/L = 49.99...
    BigDecimal expected =
        new BigDecimal("10210").divide(new BigDecimal("204.23"), MathContext.DECIMAL64);
    assertThat(CONVERTER.toStandard(TRYPTOPHAN, new BigDecimal("10.21"), "mg/L").value())
        .isEqualByComparingTo(expected);
  }

  @Test
  void molarUnitsConvertWithoutTheMolarMass() {
    // 55 000 nmol/L = 55 umol/L
    assertThat(CONVERTER.toStandard(TRYPTOPHAN, new BigDecimal("55000"), "nmol/L").value())
        .isEqualByComparingTo("55");
  }

  @Test
  void aMassUnitCannotBecomeAScore() {
    assertThatThrownBy(() -> CONVERTER.toStandard(HAMD17, BigDecimal.TEN, "pg/mL"))
        .isInstanceOf(UnitConversionException.class)
        .hasMessageContaining("HAMD17 cannot be converted from pg/mL to its standard unit {score}");
  }

  @Test
  void aPercentIsNotAScoreAlthoughUcumIgnoresAnnotations() {
    assertThatThrownBy(() -> CONVERTER.toStandard(HAMD17, BigDecimal.TEN, "%"))
        .isInstanceOf(UnitConversionException.class);
  }

  @Test
  void aMassUnitCannotBecomeMolarWithoutAMolarMass() {
    assertThatThrownBy(() -> CONVERTER.toStandard(IL6, BigDecimal.ONE, "pmol/L"))
        .isInstanceOf(UnitConversionException.class)
        .hasMessageContaining("IL6");
  }

  @Test
  void anUnknownUnitIsNamed() {
    assertThatThrownBy(() -> CONVERTER.toStandard(IL6, BigDecimal.ONE, "pg/mLL"))
        .isInstanceOf(UnitConversionException.class)
        .hasMessageContaining("'pg/mLL' is not a UCUM unit");
  }

  private static Analyte analyte(String code, OmicsLayer layer, String unit, String molarMass) {
    return new Analyte(
        code,
        code,
        layer,
        Specimen.SERUM,
        unit,
        null,
        null,
        molarMass == null ? null : new BigDecimal(molarMass),
        BigDecimal.ZERO,
        new BigDecimal("1000"),
        false);
  }
}
