package org.psybiome.trial.service.randomisation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many slots of each stratum of a sequence are taken; a stratum not named has none taken. */
public record SequenceUse(Map<String, Integer> used) {

  public SequenceUse {
    used = Collections.unmodifiableMap(new LinkedHashMap<>(used));
  }

  public static SequenceUse none() {
    return new SequenceUse(Map.of());
  }

  public int usedOf(String stratum) {
    return used.getOrDefault(stratum, 0);
  }

  /** This use with one more slot of the stratum taken. */
  public SequenceUse after(String stratum) {
    Map<String, Integer> next = new LinkedHashMap<>(used);
    next.merge(stratum, 1, Integer::sum);
    return new SequenceUse(next);
  }
}
