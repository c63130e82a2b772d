package org.psybiome.trial.api;

import java.util.Arrays;
import java.util.Optional;

/** The orders a search can return; ties are broken by id. */
public enum TrialSort {
  REGISTERED_ON_ASC("registeredOn"),
  REGISTERED_ON_DESC("-registeredOn"),
  UPDATED_AT_ASC("updatedAt"),
  UPDATED_AT_DESC("-updatedAt"),
  ID_ASC("id"),
  ID_DESC("-id");

  private final String parameter;

  TrialSort(String parameter) {
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  public boolean descending() {
    return parameter.startsWith("-");
  }

  public static Optional<TrialSort> parse(String parameter) {
    return Arrays.stream(values()).filter(s -> s.parameter.equals(parameter)).findFirst();
  }
}
