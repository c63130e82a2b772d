package org.psybiome.biomarker.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.OmicsLayer;
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.repository.AnalyteEntity;
import org.psybiome.biomarker.repository.AnalyteRepository;
import org.psybiome.biomarker.repository.PanelEntity;
import org.psybiome.biomarker.repository.PanelRepository;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;

/** The analyte catalogue: public to read, maintained by curators. */
@ApplicationScoped
public class AnalyteService {

  /** Tries at a free SDTM test code for a new genus, each after another batch took one. */
  private static final int MAX_TEST_CODE_ATTEMPTS = 10;

  private final AnalyteRepository analytes;
  private final PanelRepository panels;
  private final UcumUnits units;

  AnalyteService(AnalyteRepository analytes, PanelRepository panels, UcumUnits units) {
    this.analytes = analytes;
    this.panels = panels;
    this.units = units;
  }

  /** The catalogue, by code; with a panel, the panel's analytes in the panel's order. */
  @Transactional
  public List<Analyte> list(OmicsLayer layer, String panelCode) {
    if (panelCode == null) {
      return analytes.all(layer).stream().map(AnalyteEntity::toAnalyte).toList();
    }
    PanelEntity panel =
        panels
            .findByIdOptional(panelCode)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "Unknown panel", List.of(Violation.of("panel", "no panel " + panelCode))));
    Map<String, AnalyteEntity> byCode =
        analytes.byCodes(panel.analyteCodes).stream()
            .collect(Collectors.toMap(a -> a.code, Function.identity()));
    return panel.analyteCodes.stream()
        .map(byCode::get)
        .filter(a -> layer == null || a.layer == layer)
        .map(AnalyteEntity::toAnalyte)
        .toList();
  }

  @Transactional
  public Analyte get(String code) {
    return find(code).orElseThrow(() -> notFound(code));
  }

  /** The analyte, for other services of this module (ingestion, summaries). */
  @Transactional
  public Optional<Analyte> find(String code) {
    return analytes.findByIdOptional(code).map(AnalyteEntity::toAnalyte);
  }

  /**
   * A rating scale's default remission threshold from the catalogue (a score at or below it is
   * remission), empty when the analyte has none.
   */
  @Transactional
  public Optional<BigDecimal> remissionMax(String code) {
    return analytes.findByIdOptional(code).map(a -> a.remissionMax).map(AnalyteService::plain);
  }

  /** Whether the analyte is a rating scale on which higher scores are worse (V24). */
  @Transactional
  public boolean severityScale(String code) {
    return analytes
        .findByIdOptional(code)
        .map(a -> Boolean.TRUE.equals(a.severityScale))
        .orElse(false);
  }

  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /**
   * Adds genera a batch reports that the catalogue does not list yet, inside the batch's
   * transaction. SDTM test code TX + taxon id like the seeded genera, shortened and numbered as for
   * any analyte when that exceeds 8 characters or is taken.
   */
  @Transactional
  public void addGenera(List<Analyte> genera) {
    for (Analyte genus : genera) {
      // a concurrent batch adding another new genus may take the same derived test code between
      // our check and our insert; the insert then adds nothing and the next try sees the code
      boolean added = false;
      for (int attempt = 0; !added && attempt < MAX_TEST_CODE_ATTEMPTS; attempt++) {
        String testCode =
            SdtmTestCodes.derive(
                "TX" + genus.ncbiTaxonId(), c -> analytes.sdtmTestCodeTaken(c, genus.code()));
        added =
            analytes.addGenusIfAbsent(
                genus.code(),
                genus.name(),
                genus.ncbiTaxonId(),
                testCode,
                SdtmTestCodes.testName("NCBI Taxon " + genus.ncbiTaxonId()));
      }
      if (!added) {
        throw new IllegalStateException("No free SDTM test code for genus " + genus.code());
      }
      Log.infof("Genus %s in the catalogue for a result batch", genus.code());
    }
  }

  @Transactional
  public Analyte create(Caller caller, Analyte analyte) {
    if (analyte.code() == null) {
      throw ProblemException.invalid(
          "The analyte needs a code", List.of(Violation.of("code", "must not be null")));
    }
    check(analyte);
    if (analytes.findByIdOptional(analyte.code()).isPresent()) {
      throw ProblemException.conflict("Analyte " + analyte.code() + " already exists");
    }
    Analyte complete =
        withSpecimens(analyte, analyte.specimens() != null ? analyte.specimens() : List.of())
            .withSdtmTest(
                analyte.sdtmTestCode() != null
                    ? analyte.sdtmTestCode()
                    : SdtmTestCodes.derive(
                        analyte.code(), c -> analytes.sdtmTestCodeTaken(c, analyte.code())),
                analyte.sdtmTestName() != null
                    ? analyte.sdtmTestName()
                    : SdtmTestCodes.testName(analyte.name()));
    checkSdtmTestCode(complete);
    AnalyteEntity entity = new AnalyteEntity();
    entity.code = analyte.code();
    entity.apply(complete);
    analytes.persist(entity);
    Log.infof("Analyte %s added to the catalogue by %s", entity.code, caller.subject());
    return entity.toAnalyte();
  }

  @Transactional
  public Analyte replace(Caller caller, String code, Analyte analyte) {
    if (analyte.code() != null && !analyte.code().equals(code)) {
      throw ProblemException.invalid(
          "The body names another analyte than the path",
          List.of(Violation.of("code", "must be " + code + " or left out")));
    }
    Analyte changed = analyte.withCode(code);
    check(changed);
    AnalyteEntity entity = analytes.findByIdOptional(code).orElseThrow(() -> notFound(code));
    // the test code names the test in every SDTM dataset already exported: kept unless given
    changed =
        changed.withSdtmTest(
            changed.sdtmTestCode() != null ? changed.sdtmTestCode() : entity.sdtmTestCode,
            changed.sdtmTestName() != null ? changed.sdtmTestName() : entity.sdtmTestName);
    checkSdtmTestCode(changed);
    changed =
        withSpecimens(
            changed,
            changed.specimens() != null ? changed.specimens() : List.copyOf(entity.specimens));
    entity.apply(changed);
    Log.infof("Analyte %s changed by %s", code, caller.subject());
    return entity.toAnalyte();
  }

  /** The rules bean validation cannot express: a real UCUM unit, a range, a real LOINC code. */
  private void check(Analyte analyte) {
    List<Violation> violations = new ArrayList<>();
    units.problemWith(analyte.unit()).ifPresent(p -> violations.add(Violation.of("unit", p)));
    if (analyte.plausibleLow().compareTo(analyte.plausibleHigh()) >= 0) {
      violations.add(Violation.of("plausibleLow", "must be less than plausibleHigh"));
    }
    if (analyte.loinc() != null && !LoincCodes.hasValidCheckDigit(analyte.loinc())) {
      violations.add(Violation.of("loinc", "has a wrong check digit; is it a real LOINC code?"));
    }
    if (analyte.layer() != OmicsLayer.CLINICAL_SCALE) {
      // a threshold of remission or a direction of severity means something for a score only
      if (analyte.remissionMax() != null) {
        violations.add(Violation.of("remissionMax", "applies to rating scales (CLINICAL_SCALE)"));
      }
      if (analyte.severityScale() != null) {
        violations.add(Violation.of("severityScale", "applies to rating scales (CLINICAL_SCALE)"));
      }
    }
    if (!violations.isEmpty()) {
      violations.sort(Comparator.comparing(Violation::field));
      throw ProblemException.invalid("The analyte is invalid", violations);
    }
  }

  /**
   * The analyte with {@code allowed} plus its default specimen: a result that names no specimen is
   * of the default one, so that one is always allowed. A rating scale has no specimen at all.
   */
  private static Analyte withSpecimens(Analyte analyte, List<Specimen> allowed) {
    Set<Specimen> specimens = EnumSet.of(analyte.specimen());
    specimens.addAll(allowed);
    if (specimens.contains(Specimen.NOT_APPLICABLE) && specimens.size() > 1) {
      throw ProblemException.invalid(
          "The analyte's specimens are invalid",
          List.of(
              Violation.of(
                  "specimens", "NOT_APPLICABLE (a rating scale) excludes every other specimen")));
    }
    return analyte.withSpecimens(List.copyOf(specimens));
  }

  private void checkSdtmTestCode(Analyte analyte) {
    if (analytes.sdtmTestCodeTaken(analyte.sdtmTestCode(), analyte.code())) {
      throw ProblemException.conflict(
          "Another analyte has the SDTM test code " + analyte.sdtmTestCode());
    }
  }

  static ProblemException notFound(String code) {
    return ProblemException.notFound("No analyte " + code + " in the catalogue");
  }
}
