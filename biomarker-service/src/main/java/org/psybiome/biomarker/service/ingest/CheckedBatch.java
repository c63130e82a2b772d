package org.psybiome.biomarker.service.ingest;

import java.util.List;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.CheckedResult;
import org.psybiome.biomarker.model.NotDerivedNote;
import org.psybiome.biomarker.service.derived.Recomputed;

/**
 * A batch that passed every check: its rows (reported and derived), the stored derived results its
 * new inputs change, the genera it reports that the catalogue does not list yet, and the derived
 * analytes its samples miss with the reason.
 */
record CheckedBatch(
    List<CheckedResult> rows,
    List<Recomputed> recomputed,
    List<Analyte> newGenera,
    List<NotDerivedNote> notDerived) {}
