package org.psybiome.trial.service.randomisation;

/**
 * Every slot of a stratum is taken: extend the sequence ({@link SequenceGenerator#extend}) and
 * allocate again.
 */
public class StratumExhaustedException extends RuntimeException {

  private final String stratum;

  public StratumExhaustedException(String stratum) {
    super("Every slot of stratum " + stratum + " is taken", null, false, false);
    this.stratum = stratum;
  }

  public String stratum() {
    return stratum;
  }
}
