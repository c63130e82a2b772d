package org.psybiome.trial.service.randomisation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sealed allocation sequence: the slots of every stratum in the order participants take them.
 * Generated once by {@link SequenceGenerator} (and extended by whole blocks), then stored, never
 * regenerated. Which slot the next participant of a stratum takes depends on nothing but this
 * sequence and how many of the stratum's slots are used ({@link #slotAt}), so the store only has to
 * serialise the use of a stratum.
 *
 * @param strata the slots by stratum key, each list in position order
 */
public record AllocationSequence(Map<String, List<AllocationSlot>> strata) {

  public AllocationSequence {
    Map<String, List<AllocationSlot>> copy = new LinkedHashMap<>();
    strata.forEach((key, slots) -> copy.put(key, List.copyOf(slots)));
    strata = Collections.unmodifiableMap(copy);
  }

  /**
   * The slot the next participant of the stratum takes when {@code used} of its slots are taken;
   * empty when the stratum's slots are all used (or it has none), and the sequence must be
   * extended.
   */
  public Optional<AllocationSlot> slotAt(String stratum, int used) {
    List<AllocationSlot> slots = strata.getOrDefault(stratum, List.of());
    return used >= 0 && used < slots.size() ? Optional.of(slots.get(used)) : Optional.empty();
  }

  public List<AllocationSlot> slotsOf(String stratum) {
    return strata.getOrDefault(stratum, List.of());
  }

  /** Every slot, stratum after stratum. */
  public List<AllocationSlot> slots() {
    List<AllocationSlot> all = new ArrayList<>();
    strata.values().forEach(all::addAll);
    return all;
  }
}
