package org.psybiome.biomarker.model;

import java.util.List;

/**
 * Analytes whose per-participant results a read leaves out: those of {@code codes}, and every
 * analyte of {@code layer} (null: none by layer). The layer is matched in the database at the time
 * of the read, so a genus the catalogue learns meanwhile is left out too.
 */
public record WithheldAnalytes(List<String> codes, OmicsLayer layer) {

  public WithheldAnalytes {
    codes = List.copyOf(codes);
  }
}
