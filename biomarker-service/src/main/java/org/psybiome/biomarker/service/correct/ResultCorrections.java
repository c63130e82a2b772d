package org.psybiome.biomarker.service.correct;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.CorrectionRequest;
import org.psybiome.biomarker.model.QcStatus;
import org.psybiome.biomarker.model.ResultHistory;
import org.psybiome.biomarker.model.ResultRevision;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.repository.AnalyteEntity;
import org.psybiome.biomarker.repository.AnalyteRepository;
import org.psybiome.biomarker.repository.CorrectionStore;
import org.psybiome.biomarker.repository.CorrectionStore.Correction;
import org.psybiome.biomarker.repository.CorrectionStore.StoredResult;
import org.psybiome.biomarker.repository.CorrectionStore.Value;
import org.psybiome.biomarker.service.ResultAccess;
import org.psybiome.biomarker.service.ResultQueries;
import org.psybiome.biomarker.service.StandardValue;
import org.psybiome.biomarker.service.TrialSnapshots;
import org.psybiome.biomarker.service.UnitConversionException;
import org.psybiome.biomarker.service.UnitConverter;
import org.psybiome.biomarker.service.blinding.FunctionalUnblinding.Withholding;
import org.psybiome.biomarker.service.derived.Derivations;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;

/**
 * Corrections of stored results: a correction keeps the old value, it is appended and never
 * overwrites. Only the owning consortium's pipeline corrects: the lab that reported a value is the
 * one that can say it was wrong; statisticians analyse data and must not be able to change it. The
 * value is checked and standardised exactly like a batch row; derived analytes are never corrected
 * directly, they are recomputed when their inputs are.
 */
@ApplicationScoped
public class ResultCorrections {

  private static final int MAX_TEXT = 100;
  private static final int MAX_REASON = 1000;

  private final TrialSnapshots snapshots;
  private final CorrectionStore corrections;
  private final CorrectionWriter writer;
  private final AnalyteRepository analytes;
  private final UnitConverter converter;
  private final ResultQueries queries;

  ResultCorrections(
      TrialSnapshots snapshots,
      CorrectionStore corrections,
      CorrectionWriter writer,
      AnalyteRepository analytes,
      UnitConverter converter,
      ResultQueries queries) {
    this.queries = queries;
    this.snapshots = snapshots;
    this.corrections = corrections;
    this.writer = writer;
    this.analytes = analytes;
    this.converter = converter;
  }

  @Transactional
  public ResultRevision correct(
      Caller caller, String trialId, long resultId, CorrectionRequest request) {
    TrialSnapshot trial =
        snapshots
            .trial(trialId)
            .filter(t -> ResultAccess.canWrite(t, caller))
            .orElseThrow(() -> notFound(trialId, resultId));
    corrections.lock(resultId);
    StoredResult result =
        corrections.result(trial.id(), resultId).orElseThrow(() -> notFound(trialId, resultId));
    Map<String, Analyte> catalogue =
        analytes.listAll().stream()
            .map(AnalyteEntity::toAnalyte)
            .collect(Collectors.toMap(Analyte::code, Function.identity()));
    Analyte analyte = catalogue.get(result.analyte());
    Value value = check(request, analyte, QcStatus.valueOf(result.current().qcStatus()));
    String reason = request.reason().strip();

    Correction correction = writer.append(result, value, reason, caller.subject(), false);
    if (Derivations.isInput(analyte.code(), Derivations.isTaxon(catalogue))) {
      writer.recomputeDerived(
          trial.id(),
          result.sampleId(),
          result.participant(),
          result.visit(),
          catalogue,
          "recomputed after correction " + correction.id() + " of result " + resultId,
          caller.subject());
    }
    Log.infof(
        "Result %d of trial %s corrected (correction %d) by %s",
        resultId, trial.id(), correction.id(), caller.subject());
    return revision(correction);
  }

  @Transactional
  public ResultHistory history(Caller caller, String trialId, long resultId) {
    TrialSnapshot trial =
        snapshots
            .trial(trialId)
            .filter(t -> ResultAccess.canRead(t, caller))
            .orElseThrow(() -> notFound(trialId, resultId));
    StoredResult result =
        corrections.result(trialId, resultId).orElseThrow(() -> notFound(trialId, resultId));
    Optional<Withholding> withholding = queries.withholding(trial, caller);
    if (withholding.isPresent()) {
      Optional<AnalyteEntity> analyte = analytes.findByIdOptional(result.analyte());
      if (analyte.isPresent()
          && withholding.get().withholds(result.analyte(), analyte.get().layer)) {
        // the value is the allocation-revealing part; say so rather than pretend it is missing
        throw new ProblemException(
            ProblemType.FORBIDDEN,
            "Result "
                + resultId
                + " ("
                + result.analyte()
                + ") is withheld. "
                + withholding.get().reason());
      }
    }
    List<ResultRevision> revisions = new ArrayList<>();
    Value reported = result.reported();
    revisions.add(
        new ResultRevision(
            ResultRevision.REPORTED,
            null,
            reported.originalValue(),
            reported.originalUnit(),
            reported.standardValue(),
            reported.standardUnit(),
            reported.comparator(),
            reported.censored(),
            QcStatus.valueOf(reported.qcStatus()),
            null,
            result.reportedBy(),
            result.reportedAt(),
            result.batchId()));
    List<Correction> all = corrections.ofResult(resultId);
    all.forEach(c -> revisions.add(revision(c)));
    return new ResultHistory(
        result.id(),
        result.trialId(),
        result.participant(),
        result.visit(),
        result.sampleId(),
        result.analyte(),
        !all.isEmpty(),
        revisions);
  }

  /**
   * Every problem of the request in one 422, as for a batch row; nothing is stored then. A request
   * without a QC verdict keeps {@code currentQc}: a new value is not a new verdict, and a FAIL
   * silently turned PASS would put a failed measurement back into the statistics.
   */
  private Value check(CorrectionRequest request, Analyte analyte, QcStatus currentQc) {
    List<Violation> violations = new ArrayList<>();
    if (analyte.derived()) {
      violations.add(
          Violation.of(
              "analyte",
              "is derived from other analytes: correct its inputs and it is recomputed"));
    }
    String reason = request.reason();
    if (reason == null || reason.isBlank()) {
      violations.add(Violation.of("reason", "is required: say why the stored value is wrong"));
    } else if (reason.length() > MAX_REASON) {
      violations.add(Violation.of("reason", "must be at most " + MAX_REASON + " characters"));
    }
    BigDecimal number = null;
    if (blank(request.value())) {
      violations.add(Violation.of("value", "is required"));
    } else {
      try {
        number = new BigDecimal(request.value().strip());
      } catch (NumberFormatException e) {
        violations.add(Violation.of("value", "must be a decimal number"));
      }
    }
    String unit = request.unit();
    if (blank(unit)) {
      violations.add(Violation.of("unit", "is required"));
      unit = null;
    } else if (unit.length() > MAX_TEXT) {
      violations.add(Violation.of("unit", "must be at most " + MAX_TEXT + " characters"));
      unit = null;
    }
    String comparator = blank(request.comparator()) ? null : request.comparator().strip();
    if (comparator != null && !comparator.equals("<") && !comparator.equals(">")) {
      violations.add(Violation.of("comparator", "must be < or > (or left out)"));
    }
    QcStatus qc = currentQc;
    if (!blank(request.qcStatus())) {
      try {
        qc = QcStatus.valueOf(request.qcStatus().strip());
      } catch (IllegalArgumentException e) {
        violations.add(
            Violation.of("qcStatus", "must be one of " + Arrays.toString(QcStatus.values())));
      }
    }
    StandardValue standard = null;
    if (number != null && unit != null && !analyte.derived()) {
      try {
        standard = converter.toStandard(analyte, number, unit);
        if (comparator == null
            && (standard.value().compareTo(analyte.plausibleLow()) < 0
                || standard.value().compareTo(analyte.plausibleHigh()) > 0)) {
          violations.add(
              Violation.of(
                  "value",
                  String.format(
                      "is %s %s after standardisation, outside the plausible range %s to %s %s",
                      standard.value().toPlainString(),
                      standard.unit(),
                      analyte.plausibleLow().toPlainString(),
                      analyte.plausibleHigh().toPlainString(),
                      standard.unit())));
        }
      } catch (UnitConversionException e) {
        violations.add(Violation.of("unit", e.getMessage()));
      }
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE, "The correction was not stored", violations);
    }
    return new Value(
        number,
        unit.strip(),
        standard.value(),
        standard.unit(),
        comparator,
        comparator != null,
        qc.name());
  }

  private static ResultRevision revision(Correction c) {
    Value v = c.value();
    return new ResultRevision(
        ResultRevision.CORRECTED,
        c.id(),
        v.originalValue(),
        v.originalUnit(),
        v.standardValue(),
        v.standardUnit(),
        v.comparator(),
        v.censored(),
        QcStatus.valueOf(v.qcStatus()),
        c.reason(),
        c.correctedBy(),
        c.correctedAt(),
        null);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static ProblemException notFound(String trialId, long resultId) {
    // a foreign consortium's result answers like a missing one
    return ProblemException.notFound("No result " + resultId + " of trial " + trialId);
  }
}
