package org.psybiome.biomarker.service.export;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;

/**
 * The description of a trial's LB dataset: its name, label and each column's planned length, those
 * of the identifiers computed from the trial (STUDYID, USUBJID from the longest participant code,
 * VISIT from the longest visit code).
 */
record LbDataset(String studyId, Map<LbColumn, Integer> lengths) {

  static final String NAME = "LB";
  static final String LABEL = "Laboratory Test Results";
  static final String ITEM_GROUP_OID = "IG.LB";

  static LbDataset of(TrialSnapshot trial, Collection<String> participants) {
    Map<LbColumn, Integer> lengths = new EnumMap<>(LbColumn.class);
    for (LbColumn column : LbColumn.values()) {
      if (column.length() > 0) {
        lengths.put(column, column.length());
      }
    }
    int id = trial.id().length();
    lengths.put(LbColumn.STUDYID, id);
    int code = participants.stream().mapToInt(String::length).max().orElse(1);
    lengths.put(LbColumn.USUBJID, id + 1 + code);
    lengths.put(
        LbColumn.VISIT,
        trial.visits().stream().map(TrialVisit::code).mapToInt(String::length).max().orElse(1));
    return new LbDataset(trial.id(), Map.copyOf(lengths));
  }

  /** The planned length of a text column; null for the others. */
  Integer length(LbColumn column) {
    return lengths.get(column);
  }
}
