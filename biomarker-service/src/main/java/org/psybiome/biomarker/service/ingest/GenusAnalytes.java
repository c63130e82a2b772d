package org.psybiome.biomarker.service.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.OmicsLayer;
import org.psybiome.biomarker.model.Specimen;

/**
 * Genus relative abundances of any NCBI taxon, reported as analyte {@code TAXON_<NCBI id>} like the
 * catalogue's seeded genera: a full genus profile names hundreds of genera the catalogue cannot
 * list in advance, so one it does not list yet is added with the batch that first reports it.
 */
final class GenusAnalytes {

  static final String PREFIX = "TAXON_";

  /** One code per taxon: no leading zeros (TAXON_0816 would be a second Bacteroides). */
  private static final Pattern CODE = Pattern.compile("TAXON_[1-9][0-9]{0,9}");

  static final String INVALID =
      "names no NCBI taxon: TAXON_ must be followed by an NCBI Taxonomy id, a positive integer"
          + " without leading zeros (or be TAXON_UNCLASSIFIED)";

  private GenusAnalytes() {}

  /** The NCBI Taxonomy id of a {@code TAXON_<id>} code; empty when it is no valid one. */
  static Optional<Integer> taxonId(String code) {
    if (!CODE.matcher(code).matches()) {
      return Optional.empty();
    }
    long id = Long.parseLong(code.substring(PREFIX.length()));
    return id <= Integer.MAX_VALUE ? Optional.of((int) id) : Optional.empty();
  }

  /** The catalogue entry of a genus not listed yet: % of the stool sample, 0-100. */
  static Analyte genus(int ncbiTaxonId) {
    return new Analyte(
        PREFIX + ncbiTaxonId,
        "NCBI taxon " + ncbiTaxonId + ", relative abundance",
        OmicsLayer.MICROBIOME_TAXONOMIC,
        Specimen.STOOL,
        List.of(Specimen.STOOL),
        "%",
        null,
        ncbiTaxonId,
        null,
        BigDecimal.ZERO,
        BigDecimal.valueOf(100),
        false,
        false,
        null,
        null,
        null,
        null);
  }
}
