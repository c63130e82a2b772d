package org.psybiome.trial.service.randomisation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A prognostic factor (site, CRP band, sex) and its levels, as codes. Stratification uses every
 * combination of the levels; minimisation balances each factor's margins.
 */
public record Factor(String name, List<String> levels) {

  public Factor {
    // nulls are kept so that SchemeRules can name them instead of failing here
    levels = levels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(levels));
  }
}
