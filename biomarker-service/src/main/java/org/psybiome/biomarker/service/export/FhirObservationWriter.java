package org.psybiome.biomarker.service.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.ResultView;

/** FHIR NDJSON (as Bulk Data writes it): one Observation per line, compact JSON. */
final class FhirObservationWriter implements ResultWriter {

  private final IParser parser;
  private final ObservationMapper mapper;
  private final Map<String, Analyte> analytes;
  private final OutputStream out;

  /** A parser per export: HAPI's parsers are not thread-safe, its context is. */
  FhirObservationWriter(OutputStream out, String trialId, Map<String, Analyte> analytes) {
    this.parser = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false);
    this.mapper = new ObservationMapper(trialId);
    this.analytes = analytes;
    this.out = new BufferedOutputStream(out, 1 << 16);
  }

  @Override
  public void write(ResultView result) throws IOException {
    Analyte analyte = Objects.requireNonNull(analytes.get(result.analyte()), result.analyte());
    String json = parser.encodeResourceToString(mapper.observation(result, analyte));
    out.write(json.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
