package org.psybiome.biomarker.service.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.psybiome.biomarker.model.ResultView;

/** One JSON object per line, each exactly as the result appears in the JSON API. */
final class NdjsonResultWriter implements ResultWriter {

  private final ObjectWriter json;
  private final OutputStream out;

  NdjsonResultWriter(OutputStream out, ObjectMapper mapper) {
    this.json = mapper.writerFor(ResultView.class);
    this.out = new BufferedOutputStream(out, 1 << 16);
  }

  @Override
  public void write(ResultView result) throws IOException {
    // bytes per row rather than a generator over the stream: Jackson flushes after every value
    out.write(json.writeValueAsBytes(result));
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
