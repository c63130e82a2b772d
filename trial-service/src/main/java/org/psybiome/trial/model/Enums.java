package org.psybiome.trial.model;

/** The closed vocabularies of the trial record (brief §2). */
public final class Enums {

  private Enums() {}

  public enum SecondaryRegistry {
    NCT,
    ISRCTN,
    ACTRN,
    EUDRACT,
    CTIS,
    IRCT,
    CHICTR,
    DRKS,
    OTHER
  }

  public enum CodeSystem {
    ICD10,
    ICD11
  }

  public enum StudyType {
    INTERVENTIONAL,
    OBSERVATIONAL
  }

  public enum Allocation {
    RANDOMIZED,
    NON_RANDOMIZED,
    NA
  }

  public enum InterventionModel {
    PARALLEL,
    CROSSOVER,
    FACTORIAL,
    SINGLE_GROUP,
    N_OF_1
  }

  public enum MaskingLevel {
    NONE(0),
    SINGLE(1),
    DOUBLE(2),
    TRIPLE(3),
    QUADRUPLE(4);

    private final int maskedRoles;

    MaskingLevel(int maskedRoles) {
      this.maskedRoles = maskedRoles;
    }

    /** How many roles a masking level hides the allocation from. */
    public int maskedRoles() {
      return maskedRoles;
    }
  }

  public enum MaskedRole {
    PARTICIPANT,
    CARE_PROVIDER,
    INVESTIGATOR,
    OUTCOMES_ASSESSOR
  }

  public enum Phase {
    NA,
    EARLY_PHASE_1,
    PHASE_1,
    PHASE_1_2,
    PHASE_2,
    PHASE_2_3,
    PHASE_3,
    PHASE_4
  }

  public enum PrimaryPurpose {
    TREATMENT,
    PREVENTION,
    SUPPORTIVE_CARE,
    BASIC_SCIENCE,
    DIAGNOSTIC,
    HEALTH_SERVICES_RESEARCH,
    OTHER
  }

  public enum ArmType {
    EXPERIMENTAL,
    ACTIVE_COMPARATOR,
    PLACEBO_COMPARATOR,
    SHAM_COMPARATOR,
    NO_INTERVENTION
  }

  public enum FmtRoute {
    ORAL_CAPSULE,
    COLONOSCOPY,
    ENEMA,
    NASOJEJUNAL
  }

  public enum DonorType {
    SINGLE,
    POOLED,
    AUTOLOGOUS,
    DEFINED_CONSORTIUM
  }

  public enum MeasureKind {
    SCALE,
    ANALYTE
  }

  public enum EthicsStatus {
    APPROVED,
    PENDING,
    NOT_REQUIRED
  }

  public enum IpdPlan {
    YES,
    NO,
    UNDECIDED
  }

  public enum Sex {
    ALL,
    FEMALE,
    MALE
  }
}
