package org.psybiome.biomarker.service.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.Assay;
import org.psybiome.biomarker.model.CheckedResult;
import org.psybiome.biomarker.model.NotDerivedNote;
import org.psybiome.biomarker.repository.SampleResultStore;
import org.psybiome.biomarker.repository.SampleResultStore.SampleResult;
import org.psybiome.biomarker.service.derived.Derivations;
import org.psybiome.biomarker.service.derived.DerivedValue;
import org.psybiome.biomarker.service.derived.Recomputed;
import org.psybiome.biomarker.service.derived.SampleDerivations;
import org.psybiome.biomarker.service.derived.SampleMeasurement;

/**
 * The derived results a checked batch brings: for every sample with derivation inputs in the batch,
 * computed from those inputs and the sample's results stored by earlier batches (so KYN posted
 * today pairs with TRP posted last week). A derived result not stored yet becomes a row of the
 * batch; one stored already whose value changes is recomputed (the writer records that as a
 * correction).
 */
@ApplicationScoped
class BatchDerivations {

  /** New derived rows of the batch, stored derived results to correct, and what samples miss. */
  record Derived(
      List<CheckedResult> rows, List<Recomputed> recomputed, List<NotDerivedNote> notDerived) {}

  private final SampleResultStore samples;

  BatchDerivations(SampleResultStore samples) {
    this.samples = samples;
  }

  Derived derive(
      String trialId,
      List<CheckedResult> batch,
      Map<String, Analyte> catalogue,
      Map<String, Set<String>> registeredByVisit) {
    Predicate<String> isTaxon = Derivations.isTaxon(catalogue);
    Map<String, List<CheckedResult>> inputsBySample = new LinkedHashMap<>();
    for (CheckedResult row : batch) {
      if (Derivations.isInput(row.analyte(), isTaxon)) {
        inputsBySample.computeIfAbsent(row.sampleId(), s -> new ArrayList<>()).add(row);
      }
    }
    List<CheckedResult> rows = new ArrayList<>();
    List<Recomputed> recomputed = new ArrayList<>();
    List<NotDerivedNote> notDerived = new ArrayList<>();
    if (inputsBySample.isEmpty()) {
      return new Derived(rows, recomputed, notDerived);
    }
    Map<String, List<SampleResult>> storedBySample = new HashMap<>();
    for (SampleResult stored : samples.ofSamples(trialId, inputsBySample.keySet())) {
      storedBySample.computeIfAbsent(stored.sampleId(), s -> new ArrayList<>()).add(stored);
    }
    inputsBySample.forEach(
        (sampleId, inputs) -> {
          CheckedResult first = inputs.get(0);
          // the validator refused rows that reuse a sample id for another participant, visit or
          // specimen; stored results from before that check are left out of the pairing here
          List<SampleResult> stored =
              storedBySample.getOrDefault(sampleId, List.of()).stream()
                  .filter(
                      s ->
                          s.participant().equals(first.participant())
                              && s.visit().equals(first.visit()))
                  .toList();
          List<SampleMeasurement> measurements = new ArrayList<>();
          inputs.forEach(r -> measurements.add(measurement(r)));
          stored.stream()
              .filter(s -> Derivations.isInput(s.analyte(), isTaxon))
              .forEach(s -> measurements.add(measurement(s)));
          SampleDerivations derivations = Derivations.of(measurements, isTaxon);
          derivations
              .notDerived()
              .forEach(n -> notDerived.add(new NotDerivedNote(sampleId, n.analyte(), n.reason())));
          for (DerivedValue value : derivations.values()) {
            Analyte analyte = catalogue.get(value.analyte());
            if (analyte == null) {
              continue; // a catalogue without the derived analyte cannot store it
            }
            SampleResult existing =
                stored.stream()
                    .filter(s -> s.analyte().equals(value.analyte()))
                    .findFirst()
                    .orElse(null);
            if (existing == null) {
              rows.add(row(first, analyte, value, registeredByVisit));
            } else if (existing.standardValue().compareTo(value.value()) != 0
                || !existing.qcStatus().equals(value.qcStatus())) {
              recomputed.add(new Recomputed(existing.id(), value));
            }
          }
        });
    return new Derived(rows, recomputed, notDerived);
  }

  private static CheckedResult row(
      CheckedResult sample,
      Analyte analyte,
      DerivedValue value,
      Map<String, Set<String>> registeredByVisit) {
    return new CheckedResult(
        sample.participant(),
        sample.visit(),
        sample.sampleId(),
        // the sample's specimen: a ratio of plasma KYN and TRP is a plasma ratio
        sample.specimen(),
        value.collectedAt(),
        analyte.code(),
        value.value(),
        analyte.unit(),
        value.value(),
        analyte.unit(),
        null,
        value.qcStatus(),
        registeredByVisit.getOrDefault(sample.visit(), Set.of()).contains(analyte.code()),
        // computed, not measured: no assay of its own
        Assay.NONE);
  }

  private static SampleMeasurement measurement(CheckedResult row) {
    return new SampleMeasurement(
        row.analyte(), row.standardValue(), row.censored(), row.qcStatus(), row.collectedAt());
  }

  private static SampleMeasurement measurement(SampleResult row) {
    return new SampleMeasurement(
        row.analyte(), row.standardValue(), row.censored(), row.qcStatus(), row.collectedAt());
  }
}
