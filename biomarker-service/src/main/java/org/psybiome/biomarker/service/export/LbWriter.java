package org.psybiome.biomarker.service.export;

import java.io.IOException;

/** Writes the LB dataset: its size first (Dataset-JSON states it before the rows), then records. */
interface LbWriter extends AutoCloseable {

  void begin(long records) throws IOException;

  void write(LbRecord record) throws IOException;

  /** Ends the document, once every record is written. */
  void end() throws IOException;

  /**
   * Writes what is buffered; the response stream is the server's. Without {@link #end} the document
   * stays incomplete, so a failed export never reads as a whole one.
   */
  @Override
  void close() throws IOException;
}
