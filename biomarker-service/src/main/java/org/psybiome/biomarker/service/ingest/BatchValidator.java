package org.psybiome.biomarker.service.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.Assay;
import org.psybiome.biomarker.model.CheckedResult;
import org.psybiome.biomarker.model.QcStatus;
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.repository.AnalyteEntity;
import org.psybiome.biomarker.repository.AnalyteRepository;
import org.psybiome.biomarker.repository.PanelEntity;
import org.psybiome.biomarker.repository.PanelRepository;
import org.psybiome.biomarker.repository.ParticipantAllocationRepository;
import org.psybiome.biomarker.repository.ResultStore;
import org.psybiome.biomarker.repository.ResultStore.SampleAnalyte;
import org.psybiome.biomarker.repository.ResultStore.SampleOwner;
import org.psybiome.biomarker.repository.ResultStore.StoredSamples;
import org.psybiome.biomarker.service.StandardValue;
import org.psybiome.biomarker.service.UnitConversionException;
import org.psybiome.biomarker.service.UnitConverter;

/**
 * Checks every row of a batch against the catalogue, the trial's schedule and participants, and
 * converts its value to the standard unit. The reference data is read once per batch, not once per
 * row: a 100 000-row batch must not cost 100 000 queries.
 */
@ApplicationScoped
public class BatchValidator {

  private static final int MAX_TEXT = 100;
  private static final int MAX_KIT = 200;
  private static final Set<String> BASES = Set.of("WET", "DRY");
  private static final String ONE_SAMPLE =
      "; a sample id names one participant's sample at one visit, of one specimen";

  private final AnalyteRepository analytes;
  private final PanelRepository panels;
  private final ParticipantAllocationRepository participants;
  private final ResultStore results;
  private final UnitConverter converter;
  private final BatchDerivations derivations;

  BatchValidator(
      AnalyteRepository analytes,
      PanelRepository panels,
      ParticipantAllocationRepository participants,
      ResultStore results,
      UnitConverter converter,
      BatchDerivations derivations) {
    this.analytes = analytes;
    this.panels = panels;
    this.participants = participants;
    this.results = results;
    this.converter = converter;
    this.derivations = derivations;
  }

  /**
   * The checked rows with the derived results they bring; every problem found is added to {@code
   * errors} (and then nothing is derived).
   */
  @Transactional
  CheckedBatch check(TrialSnapshot trial, List<RawRow> rows, RowErrors errors) {
    Map<String, Analyte> catalogue =
        analytes.listAll().stream()
            .map(AnalyteEntity::toAnalyte)
            .collect(Collectors.toMap(Analyte::code, Function.identity()));
    Map<String, Analyte> newGenera = new LinkedHashMap<>();
    Map<String, Set<String>> registered = registeredAnalytesByVisit(trial);
    Set<String> enrolled = participants.codes(trial.id());
    Set<String> sampleIds = new HashSet<>();
    rows.forEach(r -> Optional.ofNullable(r.get(ResultFields.SAMPLE_ID)).ifPresent(sampleIds::add));
    StoredSamples stored = results.storedSamples(trial.id(), sampleIds);

    Map<SampleAnalyte, Integer> firstRow = new HashMap<>();
    Map<String, FirstUse> firstUse = new HashMap<>();
    List<CheckedResult> checked = new ArrayList<>(rows.size());
    for (RawRow row : rows) {
      RowCheck check = new RowCheck(row, errors);
      String participant = check.text(ResultFields.PARTICIPANT);
      if (participant != null && !enrolled.contains(participant)) {
        check.fail(ResultFields.PARTICIPANT, "is not a participant of " + trial.id());
      }
      String visit = check.text(ResultFields.VISIT);
      if (visit != null && trial.visit(visit).isEmpty()) {
        check.fail(ResultFields.VISIT, "is not a visit of the trial's schedule");
      }
      String sampleId = check.text(ResultFields.SAMPLE_ID);
      Analyte analyte = analyte(check, catalogue, newGenera);
      Specimen specimen = specimen(check, analyte);
      Instant collectedAt = instant(check);
      BigDecimal value = check.decimal(ResultFields.VALUE);
      String unit = check.text(ResultFields.UNIT);
      String comparator = comparator(check);
      QcStatus qc = qcStatus(check);
      Assay assay = assay(check, analyte, specimen, value, unit, comparator);
      StandardValue standard = null;
      if (analyte != null && value != null && unit != null) {
        standard = standardise(check, analyte, value, unit, comparator);
      }
      boolean repeated = false;
      if (sampleId != null && analyte != null) {
        SampleAnalyte key = new SampleAnalyte(sampleId, analyte.code());
        Integer earlier = firstRow.putIfAbsent(key, row.row());
        if (earlier != null) {
          check.fail(ResultFields.SAMPLE_ID, "repeats the sample and analyte of row " + earlier);
          repeated = true;
        } else if (stored.analytes().contains(key)) {
          check.fail(ResultFields.SAMPLE_ID, "already has a stored result for this analyte");
          repeated = true;
        }
      }
      // one message for the field: a repeated measurement is refused whoever's sample it is
      if (!repeated
          && sampleId != null
          && participant != null
          && visit != null
          && specimen != null) {
        SampleOwner owner = new SampleOwner(participant, visit, specimen.name());
        SampleOwner storedOwner = stored.owners().get(sampleId);
        FirstUse first = firstUse.putIfAbsent(sampleId, new FirstUse(row.row(), owner));
        // a stored owner is the owner: a batch row agreeing with it is right whatever others say
        if (storedOwner != null) {
          if (!storedOwner.equals(owner)) {
            check.fail(
                ResultFields.SAMPLE_ID,
                "is stored as a sample of another "
                    + differences(storedOwner, owner)
                    + " ("
                    + describe(storedOwner)
                    + ")"
                    + ONE_SAMPLE);
          }
        } else if (first != null && !first.owner().equals(owner)) {
          check.fail(
              ResultFields.SAMPLE_ID,
              "is a sample of another "
                  + differences(first.owner(), owner)
                  + " in row "
                  + first.row()
                  + " ("
                  + describe(first.owner())
                  + ")"
                  + ONE_SAMPLE);
        }
      }
      if (check.passed()) {
        checked.add(
            new CheckedResult(
                participant,
                visit,
                sampleId,
                specimen.name(),
                collectedAt,
                analyte.code(),
                value,
                unit,
                standard.value(),
                standard.unit(),
                comparator,
                qc.name(),
                registered.getOrDefault(visit, Set.of()).contains(analyte.code()),
                assay));
      }
    }
    if (!errors.isEmpty()) {
      return new CheckedBatch(checked, List.of(), List.of(), List.of());
    }
    BatchDerivations.Derived derived =
        derivations.derive(trial.id(), checked, catalogue, registered);
    checked.addAll(derived.rows());
    return new CheckedBatch(
        checked, derived.recomputed(), List.copyOf(newGenera.values()), derived.notDerived());
  }

  /** The row that first used a sample id in the batch, and whose sample it said it was. */
  private record FirstUse(int row, SampleOwner owner) {}

  /** What two owners disagree on: "participant", "visit and specimen", ... */
  private static String differences(SampleOwner a, SampleOwner b) {
    List<String> differ = new ArrayList<>(3);
    if (!a.participant().equals(b.participant())) {
      differ.add("participant");
    }
    if (!a.visit().equals(b.visit())) {
      differ.add("visit");
    }
    if (!a.specimen().equals(b.specimen())) {
      differ.add("specimen");
    }
    return differ.size() == 1
        ? differ.get(0)
        : String.join(", ", differ.subList(0, differ.size() - 1))
            + " and "
            + differ.get(differ.size() - 1);
  }

  private static String describe(SampleOwner owner) {
    return "participant "
        + owner.participant()
        + ", visit "
        + owner.visit()
        + ", specimen "
        + owner.specimen();
  }

  /** Per visit, the analytes of its pre-registered panels and its scales. */
  private Map<String, Set<String>> registeredAnalytesByVisit(TrialSnapshot trial) {
    Map<String, List<String>> panelAnalytes =
        panels.listAll().stream().collect(Collectors.toMap(p -> p.code, this::analytesOf));
    Map<String, Set<String>> byVisit = new HashMap<>();
    for (TrialVisit visit : trial.visits()) {
      Set<String> codes = new HashSet<>(visit.scales());
      visit.panels().forEach(p -> codes.addAll(panelAnalytes.getOrDefault(p, List.of())));
      byVisit.put(visit.code(), codes);
    }
    return byVisit;
  }

  private List<String> analytesOf(PanelEntity panel) {
    return List.copyOf(panel.analyteCodes);
  }

  /**
   * The row's analyte; a genus {@code TAXON_<NCBI id>} the catalogue does not list yet is added to
   * {@code catalogue} and {@code newGenera} (the writer adds it to the stored catalogue).
   */
  private static Analyte analyte(
      RowCheck check, Map<String, Analyte> catalogue, Map<String, Analyte> newGenera) {
    String code = check.text(ResultFields.ANALYTE);
    if (code == null) {
      return null;
    }
    Analyte analyte = catalogue.get(code);
    if (analyte == null && code.startsWith(GenusAnalytes.PREFIX)) {
      Optional<Integer> taxon = GenusAnalytes.taxonId(code);
      if (taxon.isEmpty()) {
        check.fail(ResultFields.ANALYTE, GenusAnalytes.INVALID);
        return null;
      }
      analyte = GenusAnalytes.genus(taxon.get());
      catalogue.put(code, analyte);
      newGenera.put(code, analyte);
    }
    if (analyte == null) {
      check.fail(ResultFields.ANALYTE, "is not in the analyte catalogue");
    } else if (analyte.derived()) {
      // derived analytes (ratios, diversity) are computed from their inputs, never reported
      check.fail(ResultFields.ANALYTE, "is derived from other analytes and cannot be reported");
      return null;
    }
    return analyte;
  }

  private static Specimen specimen(RowCheck check, Analyte analyte) {
    String given = check.optional(ResultFields.SPECIMEN);
    if (given == null) {
      return analyte == null ? null : analyte.specimen();
    }
    Specimen specimen;
    try {
      specimen = Specimen.valueOf(given);
    } catch (IllegalArgumentException e) {
      check.fail(ResultFields.SPECIMEN, "must be one of " + Arrays.toString(Specimen.values()));
      return null;
    }
    // values of an analyte compare only within a specimen its unit and LOINC code are meant for
    if (analyte != null && !analyte.allows(specimen)) {
      check.fail(
          ResultFields.SPECIMEN,
          analyte.code() + " is measured in " + analyte.specimens() + ", not " + specimen);
      return null;
    }
    return specimen;
  }

  private static Instant instant(RowCheck check) {
    String text = check.text(ResultFields.COLLECTED_AT);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      check.fail(
          ResultFields.COLLECTED_AT, "must be an ISO-8601 instant like 2026-03-01T08:15:00Z");
      return null;
    }
  }

  private static String comparator(RowCheck check) {
    String comparator = check.optional(ResultFields.COMPARATOR);
    if (comparator != null && !comparator.equals("<") && !comparator.equals(">")) {
      check.fail(ResultFields.COMPARATOR, "must be < or > (or left out)");
      return null;
    }
    return comparator;
  }

  private static QcStatus qcStatus(RowCheck check) {
    String qc = check.optional(ResultFields.QC_STATUS);
    if (qc == null) {
      return QcStatus.PASS;
    }
    try {
      return QcStatus.valueOf(qc);
    } catch (IllegalArgumentException e) {
      check.fail(ResultFields.QC_STATUS, "must be one of " + Arrays.toString(QcStatus.values()));
      return null;
    }
  }

  /**
   * The row's assay. Its limits are in the row's unit like the value, and stored in the standard
   * unit like it. A value beyond the row's own limit of quantification without a comparator is an
   * error, not a measurement: the lab's run could not quantify it, so it must be reported as a
   * limit ({@code <} lloq or {@code >} uloq) to be treated as censored.
   */
  private Assay assay(
      RowCheck check,
      Analyte analyte,
      Specimen specimen,
      BigDecimal value,
      String unit,
      String comparator) {
    String method = check.optional(ResultFields.ASSAY_METHOD);
    String kit = check.optional(ResultFields.ASSAY_KIT, MAX_KIT);
    String lot = check.optional(ResultFields.ASSAY_LOT);
    String run = check.optional(ResultFields.ASSAY_RUN);
    BigDecimal lloq = check.optionalDecimal(ResultFields.LLOQ);
    BigDecimal uloq = check.optionalDecimal(ResultFields.ULOQ);
    String basis = basis(check, specimen);
    if (lloq != null && uloq != null && lloq.compareTo(uloq) >= 0) {
      check.fail(ResultFields.ULOQ, "must be greater than lloq");
    } else if (value != null && comparator == null) {
      if (lloq != null && value.compareTo(lloq) < 0) {
        check.fail(
            ResultFields.VALUE,
            "is below the row's lloq "
                + lloq.toPlainString()
                + ": report it with comparator < (a censored value), not as a measurement");
      } else if (uloq != null && value.compareTo(uloq) > 0) {
        check.fail(
            ResultFields.VALUE,
            "is above the row's uloq "
                + uloq.toPlainString()
                + ": report it with comparator > (a censored value), not as a measurement");
      }
    }
    return new Assay(
        method, kit, lot, run, limit(analyte, lloq, unit), limit(analyte, uloq, unit), basis);
  }

  /** A limit in the standard unit; null when the unit does not convert (the value says why). */
  private BigDecimal limit(Analyte analyte, BigDecimal limit, String unit) {
    if (limit == null || analyte == null || unit == null) {
      return null;
    }
    try {
      return converter.toStandard(analyte, limit, unit).value();
    } catch (UnitConversionException e) {
      return null;
    }
  }

  private static String basis(RowCheck check, Specimen specimen) {
    String basis = check.optional(ResultFields.BASIS);
    if (basis == null) {
      return null;
    }
    if (!BASES.contains(basis)) {
      check.fail(ResultFields.BASIS, "must be WET or DRY (or left out)");
      return null;
    }
    // wet or dry mass is a property of stool; a serum value has no such basis
    if (specimen != null && specimen != Specimen.STOOL) {
      check.fail(ResultFields.BASIS, "applies to STOOL results only, not " + specimen);
      return null;
    }
    return basis;
  }

  private StandardValue standardise(
      RowCheck check, Analyte analyte, BigDecimal value, String unit, String comparator) {
    StandardValue standard;
    try {
      standard = converter.toStandard(analyte, value, unit);
    } catch (UnitConversionException e) {
      check.fail(ResultFields.UNIT, e.getMessage());
      return null;
    }
    // A limit of quantification is the lab's bound, not a measurement; it may lie outside the
    // range of plausible measurements (e.g. "< 0.1" where nothing below 0.5 is expected).
    if (comparator == null
        && (standard.value().compareTo(analyte.plausibleLow()) < 0
            || standard.value().compareTo(analyte.plausibleHigh()) > 0)) {
      check.fail(
          ResultFields.VALUE,
          String.format(
              "is %s %s after standardisation, outside the plausible range %s to %s %s",
              standard.value().toPlainString(),
              standard.unit(),
              analyte.plausibleLow().toPlainString(),
              analyte.plausibleHigh().toPlainString(),
              standard.unit()));
    }
    return standard;
  }

  /** The checks of one row, remembering whether any failed. */
  private static final class RowCheck {

    private final RawRow row;
    private final RowErrors errors;
    private boolean failed;

    RowCheck(RawRow row, RowErrors errors) {
      this.row = row;
      this.errors = errors;
    }

    /** A required text field, at most 100 characters; null (and an error) when not usable. */
    String text(String field) {
      String value = optional(field);
      if (value == null) {
        fail(field, "is required");
      }
      return value;
    }

    String optional(String field) {
      return optional(field, MAX_TEXT);
    }

    String optional(String field, int max) {
      String value = row.get(field);
      if (value == null || value.isBlank()) {
        return null;
      }
      if (value.length() > max) {
        fail(field, "must be at most " + max + " characters");
        return null;
      }
      return value.strip();
    }

    BigDecimal optionalDecimal(String field) {
      String text = optional(field);
      if (text == null) {
        return null;
      }
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        fail(field, "must be a decimal number");
        return null;
      }
    }

    BigDecimal decimal(String field) {
      String text = text(field);
      if (text == null) {
        return null;
      }
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        fail(field, "must be a decimal number");
        return null;
      }
    }

    void fail(String field, String message) {
      failed = true;
      errors.add(row.row(), field, message);
    }

    boolean passed() {
      return !failed;
    }
  }
}
