package org.psybiome.trial.service;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.psybiome.trial.model.Intervention;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.repository.TrialEntity;

/** Copies what search filters on out of the record into the trial's indexed columns. */
final class SearchColumns {

  private SearchColumns() {}

  static void update(TrialEntity trial) {
    TrialContent c = trial.content();
    trial.publicTitle = c.publicTitle();
    trial.scientificTitle = c.scientificTitle();
    trial.primarySponsor = c.primarySponsor();
    trial.countries =
        c.countries().stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    Set<String> conditions = new LinkedHashSet<>();
    for (var condition : c.conditions()) {
      if (condition != null && condition.code() != null) {
        String code = condition.code().toUpperCase(Locale.ROOT);
        conditions.add(code);
        int dot = code.indexOf('.');
        if (dot > 0) {
          conditions.add(code.substring(0, dot)); // F32.1 is found by F32
        }
      }
    }
    trial.conditionCodes = conditions.toArray(String[]::new);
    Set<String> types = new LinkedHashSet<>();
    Set<String> genera = new LinkedHashSet<>();
    Set<String> species = new LinkedHashSet<>();
    for (Intervention intervention : c.interventions()) {
      if (intervention == null) {
        continue;
      }
      types.add(intervention.typeName());
      for (var strain : intervention.strains()) {
        if (strain != null && strain.genus() != null) {
          genera.add(strain.genus().toLowerCase(Locale.ROOT));
          if (strain.species() != null) {
            species.add((strain.genus() + " " + strain.species()).toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    trial.interventionTypes = types.toArray(String[]::new);
    trial.strainGenera = genera.toArray(String[]::new);
    trial.strainSpecies = species.toArray(String[]::new);
  }
}
