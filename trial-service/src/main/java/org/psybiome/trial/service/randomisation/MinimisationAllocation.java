package org.psybiome.trial.service.randomisation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimisation decision, with what it was based on (for the audit trail).
 *
 * @param arm the arm (or sequence) code assigned
 * @param state the state to store: the one given plus this participant
 * @param imbalanceIfAssigned the total imbalance G had the participant gone to each arm
 * @param preferred the arms of least G (all arms when they tie)
 */
public record MinimisationAllocation(
    String arm,
    MinimisationState state,
    Map<String, Double> imbalanceIfAssigned,
    List<String> preferred) {

  public MinimisationAllocation {
    imbalanceIfAssigned = Collections.unmodifiableMap(new LinkedHashMap<>(imbalanceIfAssigned));
    preferred = List.copyOf(preferred);
  }
}
