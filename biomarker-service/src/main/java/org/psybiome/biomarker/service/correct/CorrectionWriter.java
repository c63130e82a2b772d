package org.psybiome.biomarker.service.correct;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.psybiome.biomarker.events.ResultCorrected;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.QcStatus;
import org.psybiome.biomarker.repository.CorrectionStore;
import org.psybiome.biomarker.repository.CorrectionStore.Correction;
import org.psybiome.biomarker.repository.CorrectionStore.StoredResult;
import org.psybiome.biomarker.repository.CorrectionStore.Value;
import org.psybiome.biomarker.repository.SampleResultStore;
import org.psybiome.biomarker.repository.SampleResultStore.SampleResult;
import org.psybiome.biomarker.service.derived.Derivations;
import org.psybiome.biomarker.service.derived.DerivedValue;
import org.psybiome.biomarker.service.derived.Recomputed;
import org.psybiome.biomarker.service.derived.SampleMeasurement;
import org.psybiome.outbox.Outbox;
import org.psybiome.outbox.OutboxEvent;

/**
 * Appends corrections with their events, in the caller's transaction, and keeps the derived results
 * of the sample in step: a corrected KYN, TRP or taxon recomputes the sample's ratio or diversity
 * as a correction of its own (reason naming the correction that caused it).
 */
@ApplicationScoped
public class CorrectionWriter {

  private final CorrectionStore corrections;
  private final SampleResultStore samples;
  private final Outbox outbox;

  CorrectionWriter(CorrectionStore corrections, SampleResultStore samples, Outbox outbox) {
    this.corrections = corrections;
    this.samples = samples;
    this.outbox = outbox;
  }

  /** Appends a correction of {@code result} (locked by the caller) and its event. */
  @Transactional(TxType.MANDATORY)
  public Correction append(
      StoredResult result, Value value, String reason, String by, boolean recomputed) {
    Correction correction = corrections.insert(result.id(), result.trialId(), value, reason, by);
    outbox.append(
        new OutboxEvent(
            ResultCorrected.TOPIC,
            result.trialId(),
            ResultCorrected.TYPE,
            new ResultCorrected(
                correction.id(),
                result.id(),
                result.trialId(),
                result.batchId(),
                result.visit(),
                result.sampleId(),
                result.analyte(),
                standardised(result.current()),
                standardised(value),
                reason,
                by,
                correction.correctedAt(),
                recomputed)));
    return correction;
  }

  /**
   * Recomputes the derived results of {@code sampleId} (the participant's, at the visit) from its
   * results in force (the caller's changes included) and corrects those whose value changed. A
   * derived result that its inputs no longer support (an input corrected to a censored value) keeps
   * its last value with QC FAIL, so that summaries and readers see it is not to be used. One that
   * becomes computable only now is not created here: it has no batch, and every result is reported
   * by a batch.
   *
   * @return the corrections written
   */
  @Transactional(TxType.MANDATORY)
  public List<Correction> recomputeDerived(
      String trialId,
      String sampleId,
      String participant,
      String visit,
      Map<String, Analyte> catalogue,
      String reason,
      String by) {
    Predicate<String> isTaxon = Derivations.isTaxon(catalogue);
    // only the participant's own results at the visit: a sample id reused before ingestion
    // refused that must not pair them with another participant's
    List<SampleResult> sample =
        samples.ofSamples(trialId, List.of(sampleId)).stream()
            .filter(s -> s.participant().equals(participant) && s.visit().equals(visit))
            .toList();
    Map<String, DerivedValue> computed =
        Derivations.of(
                sample.stream()
                    .filter(s -> Derivations.isInput(s.analyte(), isTaxon))
                    .map(
                        s ->
                            new SampleMeasurement(
                                s.analyte(),
                                s.standardValue(),
                                s.censored(),
                                s.qcStatus(),
                                s.collectedAt()))
                    .toList(),
                isTaxon)
            .values()
            .stream()
            .collect(Collectors.toMap(DerivedValue::analyte, v -> v));
    List<Recomputed> changes = new ArrayList<>();
    for (SampleResult stored : sample) {
      if (!Derivations.DERIVED.contains(stored.analyte())) {
        continue;
      }
      DerivedValue now = computed.get(stored.analyte());
      if (now == null) {
        if (!QcStatus.FAIL.name().equals(stored.qcStatus())) {
          changes.add(
              new Recomputed(
                  stored.id(),
                  new DerivedValue(
                      stored.analyte(),
                      stored.standardValue(),
                      QcStatus.FAIL.name(),
                      stored.collectedAt())));
        }
      } else if (now.value().compareTo(stored.standardValue()) != 0
          || !now.qcStatus().equals(stored.qcStatus())) {
        changes.add(new Recomputed(stored.id(), now));
      }
    }
    return applyRecomputed(trialId, changes, reason, by);
  }

  /** Corrects stored derived results to their recomputed values. */
  @Transactional(TxType.MANDATORY)
  public List<Correction> applyRecomputed(
      String trialId, List<Recomputed> changes, String reason, String by) {
    List<Correction> written = new ArrayList<>();
    for (Recomputed change : changes) {
      corrections.lock(change.resultId());
      Optional<StoredResult> result = corrections.result(trialId, change.resultId());
      if (result.isEmpty()) {
        continue;
      }
      Value current = result.get().current();
      Value value =
          new Value(
              change.value().value(),
              current.standardUnit(),
              change.value().value(),
              current.standardUnit(),
              null,
              false,
              change.value().qcStatus());
      written.add(append(result.get(), value, reason, by, true));
    }
    return written;
  }

  private static ResultCorrected.StandardisedValue standardised(Value value) {
    return new ResultCorrected.StandardisedValue(
        value.standardValue(),
        value.standardUnit(),
        value.comparator(),
        value.censored(),
        value.qcStatus());
  }
}
