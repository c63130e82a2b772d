package org.psybiome.biomarker.service.ingest;

import java.util.List;
import org.psybiome.biomarker.model.CheckedResult;
import org.psybiome.biomarker.service.derived.Recomputed;

/**
 * A batch that passed every check: its rows (reported and derived) and the stored derived results
 * its new inputs change.
 */
record CheckedBatch(List<CheckedResult> rows, List<Recomputed> recomputed) {}
