package org.psybiome.biomarker.service.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.psybiome.biomarker.config.BiomarkerConfig;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.OmicsLayer;
import org.psybiome.biomarker.model.ResultFilter;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.WithheldAnalytes;
import org.psybiome.biomarker.model.WithheldResults;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.biomarker.repository.CurrentResultStore.CountedResultSink;
import org.psybiome.biomarker.repository.CurrentResultStore.StoredResult;
import org.psybiome.biomarker.service.AnalyteService;
import org.psybiome.biomarker.service.ResultQueries;
import org.psybiome.biomarker.service.TrialSnapshots;
import org.psybiome.biomarker.service.blinding.FunctionalUnblinding.Withholding;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;

/**
 * A trial's results as one download, streamed: rows go from a database cursor to the response as
 * they are read, so neither side holds the whole export. Who may export, and which filters are
 * valid, are the rules of the results query. Everything that can be refused is checked before the
 * first byte, since a problem response is impossible once the body has begun. No format carries an
 * arm; while the trial is masked the results that reveal the allocation by their value are left out
 * for callers who may not see arms (service.blinding), and the download says how many.
 */
@ApplicationScoped
public class ResultExport {

  private final ResultQueries queries;
  private final CurrentResultStore results;
  private final TrialSnapshots snapshots;
  private final AnalyteService catalogue;
  private final ObjectMapper mapper;
  private final BiomarkerConfig config;

  ResultExport(
      ResultQueries queries,
      CurrentResultStore results,
      TrialSnapshots snapshots,
      AnalyteService catalogue,
      ObjectMapper mapper,
      BiomarkerConfig config) {
    this.queries = queries;
    this.results = results;
    this.snapshots = snapshots;
    this.catalogue = catalogue;
    this.mapper = mapper;
    this.config = config;
  }

  /**
   * An export checked and ready to be written; {@code withheld}: the results left out because they
   * reveal the allocation to the caller (counted as the export begins), null when none are.
   */
  public record Download(
      String fileName, ExportFormat format, Body body, WithheldResults withheld) {

    Download(String fileName, ExportFormat format, Body body) {
      this(fileName, format, body, null);
    }

    Download withheld(WithheldResults note) {
      return new Download(fileName, format, body, note);
    }
  }

  /** The body of a download, written when the server sends the response. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  public Download prepare(Caller caller, ResultFilter requested, ExportFormat format) {
    TrialSnapshot trial = queries.readableTrial(caller, requested.trialId());
    queries.checkFilter(trial, requested);
    Optional<Withholding> withholding = queries.withholding(trial, caller);
    if (withholding.isEmpty()) {
      return prepare(trial, requested, format);
    }
    ResultFilter filter = withholding.get().applyTo(requested);
    long withheld = results.countWithheld(filter);
    Download download = prepare(trial, filter, format);
    return withheld == 0 ? download : download.withheld(withholding.get().note(withheld));
  }

  private Download prepare(TrialSnapshot trial, ResultFilter filter, ExportFormat format) {
    String fileName = trial.id() + "-" + format.fileSuffix();
    return switch (format) {
      case CSV, NDJSON -> {
        // lines read like the query's items, outOfWindow included
        Map<String, LocalDate> enrolled = snapshots.enrolmentDates(trial.id());
        yield new Download(
            fileName, format, out -> writeResults(trial, enrolled, filter, format, out));
      }
      case FHIR_R4 -> {
        Map<String, Analyte> analytes = analytes();
        Map<String, LocalDate> enrolled = snapshots.enrolmentDates(trial.id());
        yield new Download(
            fileName,
            format,
            out -> {
              try (ResultWriter writer = new FhirObservationWriter(out, trial.id(), analytes)) {
                long rows =
                    results.stream(
                        filter,
                        config.export().fetchSize(),
                        r -> writer.write(ResultQueries.judged(trial, enrolled, r.view())));
                Log.debugf("Exported %d results of %s as FHIR", rows, trial.id());
              }
            });
      }
      case SDTM_LB, SDTM_LB_CSV -> {
        if (filter.visit() != null || filter.analyte() != null) {
          // LBSEQ and LBBLFL are properties of the whole domain: a part would renumber them
          throw ProblemException.invalid(
              "An SDTM dataset is the trial's whole LB domain",
              List.of(
                  Violation.of(
                      filter.visit() != null ? "visit" : "analyte",
                      "cannot filter format " + format.parameter())));
        }
        Map<String, LocalDate> enrolments = snapshots.enrolmentDates(trial.id());
        Map<String, Analyte> analytes = analytes();
        LbDataset dataset = LbDataset.of(trial, enrolments.keySet());
        yield new Download(
            fileName,
            format,
            out -> writeLb(trial, enrolments, analytes, dataset, filter.withheld(), format, out));
      }
    };
  }

  private Map<String, Analyte> analytes() {
    return catalogue.list(null, null).stream()
        .collect(Collectors.toMap(Analyte::code, Function.identity()));
  }

  /**
   * The status line is gone by now: a failure, of the client or of the database, can only cut the
   * response short, which the IOException does.
   */
  private void writeResults(
      TrialSnapshot trial,
      Map<String, LocalDate> enrolled,
      ResultFilter filter,
      ExportFormat format,
      OutputStream out)
      throws IOException {
    try (ResultWriter writer =
        format == ExportFormat.CSV
            ? new CsvResultWriter(out)
            : new NdjsonResultWriter(out, mapper)) {
      long rows =
          results.stream(
              filter,
              config.export().fetchSize(),
              r -> writer.write(ResultQueries.judged(trial, enrolled, r.view())));
      Log.debugf("Exported %d results of %s as %s", rows, filter.trialId(), format);
    }
  }

  /** The LB domain: every result but the rating scales' (those belong to QS). */
  private void writeLb(
      TrialSnapshot trial,
      Map<String, LocalDate> enrolments,
      Map<String, Analyte> analytes,
      LbDataset dataset,
      WithheldAnalytes withheld,
      ExportFormat format,
      OutputStream out)
      throws IOException {
    try (LbWriter writer =
        format == ExportFormat.SDTM_LB
            ? new DatasetJsonLbWriter(out, mapper, dataset)
            : new CsvLbWriter(out)) {
      LbRecords records = new LbRecords(trial, enrolments, analytes, writer::write);
      long rows =
          results.streamBySubject(
              trial.id(),
              LbRecords.visitOrder(trial),
              OmicsLayer.CLINICAL_SCALE.name(),
              withheld,
              config.export().fetchSize(),
              new CountedResultSink() {
                @Override
                public void count(long rows) throws IOException {
                  writer.begin(rows);
                }

                @Override
                public void accept(StoredResult result) throws IOException {
                  records.accept(result.view());
                }
              });
      records.finish();
      writer.end();
      Log.debugf("Exported %d LB records of %s", rows, trial.id());
    }
  }
}
