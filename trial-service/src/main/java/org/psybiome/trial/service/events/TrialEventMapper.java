package org.psybiome.trial.service.events;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;
import org.psybiome.trial.events.PublishedTrialV1;
import org.psybiome.trial.events.TrialRegisteredV1;
import org.psybiome.trial.events.TrialStatusChangedV1;
import org.psybiome.trial.events.TrialUnblindedV1;
import org.psybiome.trial.events.TrialUpdatedV1;
import org.psybiome.trial.model.DatedStatus;
import org.psybiome.trial.model.Trial;
import org.psybiome.trial.model.TrialStatus;

/**
 * From the domain's trial to the v1 event data. Every published property must be mapped (an error
 * otherwise), so a property added to the domain is published only when this says so.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface TrialEventMapper {

  TrialEventMapper INSTANCE = Mappers.getMapper(TrialEventMapper.class);

  @Mapping(target = ".", source = "content")
  PublishedTrialV1 published(Trial trial);

  PublishedTrialV1.PublishedStatusV1 published(DatedStatus status);

  default TrialRegisteredV1 registered(Trial trial) {
    return new TrialRegisteredV1(published(trial));
  }

  default TrialUpdatedV1 updated(Trial trial) {
    return new TrialUpdatedV1(trial.version(), published(trial));
  }

  /** {@code trial} as it is after the change, whose latest status entry is the change. */
  default TrialStatusChangedV1 statusChanged(Trial trial, TrialStatus from) {
    DatedStatus change = trial.currentStatus();
    return new TrialStatusChangedV1(
        trial.id(),
        trial.version(),
        from,
        change.status(),
        change.effectiveDate(),
        change.reason());
  }

  default TrialUnblindedV1 unblinded(Trial trial, String reason) {
    return new TrialUnblindedV1(trial.id(), trial.version(), trial.unblindedAt(), reason);
  }
}
