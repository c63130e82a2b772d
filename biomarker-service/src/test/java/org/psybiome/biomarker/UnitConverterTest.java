package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
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
  private static final Analyte GLUCOSE =
      analyte("GLUCOSE_FASTING", OmicsLayer.METABOLOMIC, "mmol/L", "180.16");
  private static final Analyte CHOLESTEROL =
      analyte("CHOL_TOTAL", OmicsLayer.METABOLOMIC, "mmol/L", "386.65");
  private static final Analyte TRIGLYCERIDES =
      analyte("TRIGLYCERIDES", OmicsLayer.METABOLOMIC, "mmol/L", "885.7");
  private static final Analyte INSULIN = analyte("INSULIN", OmicsLayer.ENDOCRINE, "u[IU]/mL", null);
  private static final Analyte HBA1C = analyte("HBA1C", OmicsLayer.METABOLOMIC, "mmol/mol", null);
  private static final Analyte SEROTONIN =
      analyte("SEROTONIN", OmicsLayer.METABOLOMIC, "ng/mL", "176.22");
  private static final Analyte KYNURENIC_ACID =
      analyte("KYNA", OmicsLayer.METABOLOMIC, "nmol/L", "189.17");

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

  @Test
  void glucoseMilligramsPerDecilitreBecomeMillimolesPerLitre() {
    // 90 mg/dL = 900 mg/L; / 180.16 g/mol = 900 / 180.16 mmol/L = 4.99556 mmol/L
    StandardValue standard = CONVERTER.toStandard(GLUCOSE, new BigDecimal("90"), "mg/dL");
    assertThat(standard.unit()).isEqualTo("mmol/L");
    assertThat(standard.value())
        .isEqualByComparingTo(
            new BigDecimal("900").divide(new BigDecimal("180.16"), MathContext.DECIMAL64));
    assertThat(standard.value().setScale(4, java.math.RoundingMode.HALF_UP))
        .isEqualByComparingTo("4.9956");
  }

  @Test
  void cholesterolAndTriglyceridesConvertWithTheLabsMolarMasses() {
    // 200 mg/dL = 2000 mg/L; / 386.65 g/mol = 5.17264 mmol/L (labs: x 0.02586 = 5.172)
    assertThat(CONVERTER.toStandard(CHOLESTEROL, new BigDecimal("200"), "mg/dL").value())
        .isEqualByComparingTo(
            new BigDecimal("2000").divide(new BigDecimal("386.65"), MathContext.DECIMAL64));
    // 150 mg/dL = 1500 mg/L; / 885.7 g/mol = 1.69358 mmol/L (labs: / 88.57 = 1.694)
    BigDecimal triglycerides =
        CONVERTER.toStandard(TRIGLYCERIDES, new BigDecimal("150"), "mg/dL").value();
    assertThat(triglycerides)
        .isEqualByComparingTo(
            new BigDecimal("1500").divide(new BigDecimal("885.7"), MathContext.DECIMAL64));
    assertThat(triglycerides.setScale(3, java.math.RoundingMode.HALF_UP))
        .isEqualByComparingTo("1.694");
  }

  @Test
  void serotoninAndKynurenicAcidConvertBetweenMassAndMolar() {
    // 1 000 nmol/L x 176.22 g/mol = 176 220 ng/L = 176.22 ng/mL
    assertThat(CONVERTER.toStandard(SEROTONIN, new BigDecimal("1000"), "nmol/L").value())
        .isEqualByComparingTo("176.22");
    // 10 ng/mL = 10 000 ng/L; / 189.17 g/mol = 52.8625 nmol/L
    assertThat(CONVERTER.toStandard(KYNURENIC_ACID, BigDecimal.TEN, "ng/mL").value())
        .isEqualByComparingTo(
            new BigDecimal("10000").divide(new BigDecimal("189.17"), MathContext.DECIMAL64));
    // 0.045 umol/L = 45 nmol/L
    assertThat(CONVERTER.toStandard(KYNURENIC_ACID, new BigDecimal("0.045"), "µmol/L").value())
        .isEqualByComparingTo("45");
  }

  @Test
  void insulinMilliunitsPerLitreAreMicrounitsPerMillilitre() {
    // 1 mU/L = 1e-3 IU / 1 L = 1e-6 IU / 1e-3 L = 1 uIU/mL
    assertThat(CONVERTER.toStandard(INSULIN, new BigDecimal("8.5"), "m[IU]/L").value())
        .isEqualByComparingTo("8.5");
    assertThat(CONVERTER.toStandard(INSULIN, new BigDecimal("8.5"), "m[iU]/L").value())
        .isEqualByComparingTo("8.5");
  }

  @Test
  void insulinPicomolesAreNotConvertedByAConventionFactor() {
    // UCUM alone would give 60 pmol/L = 3.6e16 uIU/mL; labs use 6.0 (or 6.945) pmol per uIU
    assertThatThrownBy(() -> CONVERTER.toStandard(INSULIN, new BigDecimal("60"), "pmol/L"))
        .isInstanceOf(UnitConversionException.class)
        .hasMessageContaining("INSULIN cannot be converted from pmol/L to its standard unit");
    assertThatThrownBy(() -> CONVERTER.toStandard(INSULIN, BigDecimal.ONE, "ng/mL"))
        .isInstanceOf(UnitConversionException.class);
    // in UCUM, mU is a milli enzyme unit (U = umol/min), not a milli international unit
    assertThatThrownBy(() -> CONVERTER.toStandard(INSULIN, new BigDecimal("8.5"), "mU/L"))
        .isInstanceOf(UnitConversionException.class);
  }

  @Test
  void anInternationalUnitIsNotAnAmountOfSubstance() {
    // to UCUM a mole is 6.022e23 and an IU is 1: 1 [IU]/L would be 1.66e-15 nmol/L of cortisol
    assertThatThrownBy(() -> CONVERTER.toStandard(CORTISOL, BigDecimal.TEN, "[IU]/L"))
        .isInstanceOf(UnitConversionException.class)
        .hasMessageContaining("CORTISOL_AM");
  }

  @Test
  void anNgspPercentageIsNotTenthOfAnIfccMillimolePerMole() {
    // 6.5 % NGSP is 10.929 x (6.5 - 2.15) = 47.5 mmol/mol IFCC; UCUM's factor would give 65
    assertThatThrownBy(() -> CONVERTER.toStandard(HBA1C, new BigDecimal("6.5"), "%"))
        .isInstanceOf(UnitConversionException.class)
        .hasMessageContaining("HBA1C cannot be converted from % to its standard unit mmol/mol");
    // amount fractions among themselves still convert: 48 000 umol/mol = 48 mmol/mol
    assertThat(CONVERTER.toStandard(HBA1C, new BigDecimal("48000"), "umol/mol").value())
        .isEqualByComparingTo("48");
  }

  private static Analyte analyte(String code, OmicsLayer layer, String unit, String molarMass) {
    return new Analyte(
        code,
        code,
        layer,
        Specimen.SERUM,
        List.of(Specimen.SERUM),
        unit,
        null,
        null,
        molarMass == null ? null : new BigDecimal(molarMass),
        BigDecimal.ZERO,
        new BigDecimal("1000"),
        false,
        null,
        null,
        null,
        null,
        null);
  }
}
