package org.psybiome.biomarker.service.derived;

import java.util.List;

/** What one sample's measurements derive, and the derivations they were meant for but miss. */
public record SampleDerivations(List<DerivedValue> values, List<NotDerived> notDerived) {

  public SampleDerivations {
    values = List.copyOf(values);
    notDerived = List.copyOf(notDerived);
  }
}
