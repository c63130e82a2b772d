package org.psybiome.trial.repository;

import org.mapstruct.Mapper;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;
import org.psybiome.trial.model.TrialContent;

/**
 * Between the record the service works on and the document stored, property by property by name.
 * Both policies are errors, so a property added to one side and not the other fails the build
 * instead of silently going unstored.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface StoredTrialDocumentMapper {

  StoredTrialDocumentMapper INSTANCE = Mappers.getMapper(StoredTrialDocumentMapper.class);

  StoredTrialDocument toStored(TrialContent content);

  TrialContent toContent(StoredTrialDocument document);
}
