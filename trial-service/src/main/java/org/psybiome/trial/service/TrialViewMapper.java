package org.psybiome.trial.service;

import org.mapstruct.Mapper;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;
import org.psybiome.trial.api.StatusEntry;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.model.DatedStatus;
import org.psybiome.trial.model.Trial;

/** From the domain's trial to the API's response, every response property mapped by name. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface TrialViewMapper {

  TrialViewMapper INSTANCE = Mappers.getMapper(TrialViewMapper.class);

  TrialView view(Trial trial);

  StatusEntry entry(DatedStatus status);
}
