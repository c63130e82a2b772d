package org.psybiome.biomarker.service.response;

import java.math.BigDecimal;

/**
 * A participant's usable scores: at baseline and at the visit (null when there is none to use), and
 * whether the latest score at the visit was collected outside the visit's window.
 */
record ParticipantScores(BigDecimal baseline, BigDecimal atVisit, boolean outOfWindow) {

  static final ParticipantScores NONE = new ParticipantScores(null, null, false);

  ParticipantScores withBaseline(BigDecimal value) {
    return new ParticipantScores(value, atVisit, outOfWindow);
  }

  ParticipantScores withVisit(BigDecimal value) {
    return new ParticipantScores(baseline, value, outOfWindow);
  }

  ParticipantScores late() {
    return new ParticipantScores(baseline, atVisit, true);
  }

  boolean bothKnown() {
    return baseline != null && atVisit != null;
  }
}
