package org.psybiome.trial.model.results;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.psybiome.trial.model.results.ResultTables.Group;

/**
 * How many participants started, completed and left each group in each period (TRDS item 23,
 * participant flow).
 */
public record ParticipantFlow(
    @Size(max = 5000) String recruitmentDetails,
    @Size(max = 5000) String preAssignmentDetails,
    @Size(max = 100) String typeUnitsAnalyzed,
    @Size(max = 100) List<@Valid @NotNull Group> groups,
    @Size(max = 100) List<@Valid @NotNull Period> periods) {

  public ParticipantFlow {
    groups = ResultTables.orEmpty(groups);
    periods = ResultTables.orEmpty(periods);
  }

  public record Period(
      @Size(max = 300) String title,
      List<@Valid @NotNull Milestone> milestones,
      List<@Valid @NotNull DropWithdraw> dropWithdraws) {
    public Period {
      milestones = ResultTables.orEmpty(milestones);
      dropWithdraws = ResultTables.orEmpty(dropWithdraws);
    }
  }

  /** STARTED, COMPLETED, NOT COMPLETED or a milestone of the sponsor's own. */
  public record Milestone(
      @NotBlank @Size(max = 300) String type,
      @Size(max = 1000) String comment,
      List<@Valid @NotNull Achievement> achievements) {
    public Milestone {
      achievements = ResultTables.orEmpty(achievements);
    }
  }

  public record Achievement(
      @NotBlank @Size(max = 20) String groupId,
      @Size(max = 1000) String comment,
      @Size(max = 40) String numSubjects,
      @Size(max = 40) String numUnits) {}

  /** Why participants left, per group. */
  public record DropWithdraw(
      @NotBlank @Size(max = 300) String type,
      @Size(max = 1000) String comment,
      List<@Valid @NotNull Reason> reasons) {
    public DropWithdraw {
      reasons = ResultTables.orEmpty(reasons);
    }
  }

  public record Reason(
      @NotBlank @Size(max = 20) String groupId,
      @Size(max = 1000) String comment,
      @Size(max = 40) String numSubjects) {}
}
