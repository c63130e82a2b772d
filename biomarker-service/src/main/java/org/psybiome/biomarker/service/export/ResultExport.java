package org.psybiome.biomarker.service.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import org.psybiome.biomarker.config.BiomarkerConfig;
import org.psybiome.biomarker.model.ResultFilter;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.biomarker.service.ResultQueries;
import org.psybiome.common.security.Caller;

/**
 * A trial's results as one CSV or NDJSON download, streamed: rows go from a database cursor to the
 * response as they are read, so neither side holds the whole export. Who may export, and which
 * filters are valid, are the rules of the results query. Everything that can be refused is checked
 * before the first byte, since a problem response is impossible once the body has begun.
 */
@ApplicationScoped
public class ResultExport {

  private final ResultQueries queries;
  private final CurrentResultStore results;
  private final ObjectMapper mapper;
  private final BiomarkerConfig config;

  ResultExport(
      ResultQueries queries,
      CurrentResultStore results,
      ObjectMapper mapper,
      BiomarkerConfig config) {
    this.queries = queries;
    this.results = results;
    this.mapper = mapper;
    this.config = config;
  }

  /** An export checked and ready to be written. */
  public record Download(String fileName, ExportFormat format, Body body) {}

  /** The body of a download, written when the server sends the response. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  public Download prepare(Caller caller, ResultFilter filter, ExportFormat format) {
    TrialSnapshot trial = queries.readableTrial(caller, filter.trialId());
    queries.checkFilter(trial, filter);
    return new Download(
        trial.id() + "-results." + format.fileExtension(),
        format,
        out -> write(filter, format, out));
  }

  /**
   * The status line is gone by now: a failure, of the client or of the database, can only cut the
   * response short, which the IOException does.
   */
  private void write(ResultFilter filter, ExportFormat format, OutputStream out)
      throws IOException {
    try (ResultWriter writer = writer(format, out)) {
      long rows = results.stream(filter, config.export().fetchSize(), r -> writer.write(r.view()));
      Log.debugf("Exported %d results of %s as %s", rows, filter.trialId(), format);
    }
  }

  private ResultWriter writer(ExportFormat format, OutputStream out) throws IOException {
    return switch (format) {
      case CSV -> new CsvResultWriter(out);
      case NDJSON -> new NdjsonResultWriter(out, mapper);
    };
  }
}
